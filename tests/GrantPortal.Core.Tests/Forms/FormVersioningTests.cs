using GrantPortal.Core.Forms;

namespace GrantPortal.Core.Tests.Forms;

public sealed class FormVersioningTests
{
    private static readonly FormEdition Newest = FormEdition.Of(3, DefaultForm.Definition);

    [Fact]
    public void An_unpublished_unanswered_form_is_edited_in_place() =>
        Assert.Equal((FormSaveKind.InPlace, 3), FormVersioning.Decide(Newest, Newest, isPublished: false, answeredCurrent: 0));

    [Fact]
    public void A_published_form_gets_a_new_version_even_before_anyone_answered() =>
        Assert.Equal((FormSaveKind.NewVersion, 4), FormVersioning.Decide(Newest, Newest, isPublished: true, answeredCurrent: 0));

    [Fact]
    public void An_answered_form_gets_a_new_version_even_after_the_call_is_taken_off_the_list() =>
        Assert.Equal((FormSaveKind.NewVersion, 4), FormVersioning.Decide(Newest, Newest, isPublished: false, answeredCurrent: 1));

    [Fact]
    public void A_save_from_an_older_version_number_is_stale() =>
        Assert.Equal(FormSaveKind.Stale, FormVersioning.Decide(Newest, FormEdition.Of(2, DefaultForm.Definition), isPublished: true, answeredCurrent: 0).Kind);

    [Fact]
    public void A_save_over_a_colleague_s_in_place_edit_of_the_same_number_is_stale()
    {
        var edited = DefaultForm.Definition with { Sections = [DefaultForm.Definition.Sections[0] with { TitleEnglish = "Renamed" }] };
        Assert.Equal(FormSaveKind.Stale, FormVersioning.Decide(FormEdition.Of(3, edited), Newest, isPublished: false, answeredCurrent: 0).Kind);
    }
}

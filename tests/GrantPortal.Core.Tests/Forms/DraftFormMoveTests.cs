using GrantPortal.Core.Forms;

namespace GrantPortal.Core.Tests.Forms;

public sealed class DraftFormMoveTests
{
    private static readonly FormDefinition Version1 = Form(
        new Question { Key = "objectives", Type = QuestionType.LongText, Required = true, LabelEnglish = "Objectives" },
        new Question { Key = "venue", Type = QuestionType.ShortText, LabelEnglish = "Venue" },
        new Question { Key = "partners", Type = QuestionType.ShortText, LabelEnglish = "Partners" });

    private static readonly FormDefinition Version2 = Form(
        new Question { Key = "objectives", Type = QuestionType.LongText, Required = true, LabelEnglish = "Objectives (reworded)" },
        new Question { Key = "partners", Type = QuestionType.ShortText, Required = true, LabelEnglish = "Partners" },
        new Question { Key = "safety", Type = QuestionType.LongText, Required = true, LabelEnglish = "Safety plan" },
        new Question { Key = "budget_note", Type = QuestionType.ShortText, LabelEnglish = "Budget note" });

    [Fact]
    public void Answers_carry_over_by_key_and_answers_to_removed_questions_are_left_behind()
    {
        var answers = new Dictionary<string, string> { ["objectives"] = "Train forty activists.", ["venue"] = "Seoul", ["partners"] = "NKDB" };

        var (carried, _) = FormVersions.Carry(Version1, Version2, answers);

        Assert.Equal(new Dictionary<string, string> { ["objectives"] = "Train forty activists.", ["partners"] = "NKDB" }, carried);
    }

    [Fact]
    public void New_required_questions_are_named_but_optional_and_already_required_ones_are_not()
    {
        var (_, newRequired) = FormVersions.Carry(Version1, Version2, new Dictionary<string, string>());

        // "partners" was optional and is now required; "safety" is new; "objectives" was required already.
        Assert.Equal(["partners", "safety"], newRequired.Select(q => q.Key));
    }

    [Fact]
    public void Moving_to_the_same_form_changes_nothing()
    {
        var answers = new Dictionary<string, string> { ["objectives"] = "Train forty activists.", ["venue"] = "Seoul" };

        var (carried, newRequired) = FormVersions.Carry(Version1, Version1, answers);

        Assert.Equal(answers, carried);
        Assert.Empty(newRequired);
    }

    private static FormDefinition Form(params Question[] questions) => new() { Sections = [new FormSection { Key = "s", Questions = questions }] };
}

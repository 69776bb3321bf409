using Bunit;
using GrantPortal.Core.Forms;
using GrantPortal.Web.Features.Calls;

namespace GrantPortal.Web.Tests;

public sealed class FormBuilderTests : PortalComponentTest
{
    private static List<string> CardTypes(IRenderedComponent<FormBuilderSections> builder) =>
        builder.FindAll("[data-testid=question-card]").Select(c => c.GetAttribute("data-question-type")!).ToList();

    [Fact]
    public void Added_questions_appear_at_the_end_of_their_section_with_fresh_keys()
    {
        var draft = FormDraft.From(DefaultForm.Definition);
        var builder = Render<FormBuilderSections>(p => p.Add(b => b.Draft, draft));

        builder.Find("[data-testid=add-YesNo]").Click();
        builder.Find("[data-testid=add-Table]").Click();

        Assert.Equal(["LongText", "LongText", "LongText", "YesNo", "Table"], CardTypes(builder));
        Assert.Equal(
            [DefaultForm.Objectives, DefaultForm.Activities, DefaultForm.Beneficiaries, "question_1", "question_2"],
            draft.ToDefinition().Questions.Select(q => q.Key));
        Assert.Single(builder.FindAll("[data-testid=question-card]")[4].QuerySelectorAll("[data-testid=column-row]"));
    }

    [Fact]
    public void Moving_a_question_up_and_down_reorders_the_form_and_the_ends_cannot_move_further()
    {
        var draft = FormDraft.From(DefaultForm.Definition);
        var builder = Render<FormBuilderSections>(p => p.Add(b => b.Draft, draft));
        builder.Find("[data-testid=add-Amount]").Click();

        builder.FindAll("[data-testid=question-up]")[3].Click();
        Assert.Equal([DefaultForm.Objectives, DefaultForm.Activities, "question_1", DefaultForm.Beneficiaries], draft.ToDefinition().Questions.Select(q => q.Key));
        Assert.Equal(["LongText", "LongText", "Amount", "LongText"], CardTypes(builder));

        builder.FindAll("[data-testid=question-down]")[0].Click();
        Assert.Equal([DefaultForm.Activities, DefaultForm.Objectives, "question_1", DefaultForm.Beneficiaries], draft.ToDefinition().Questions.Select(q => q.Key));

        var ups = builder.FindAll("[data-testid=question-up]");
        var downs = builder.FindAll("[data-testid=question-down]");
        Assert.True(ups[0].HasAttribute("disabled"));
        Assert.False(ups[1].HasAttribute("disabled"));
        Assert.True(downs[^1].HasAttribute("disabled"));
        Assert.Equal("Move question 2 up", ups[1].GetAttribute("aria-label"));
    }

    [Fact]
    public void A_question_moved_up_from_the_top_of_a_section_goes_to_the_end_of_the_section_before()
    {
        var draft = FormDraft.From(DefaultForm.Definition);
        var builder = Render<FormBuilderSections>(p => p.Add(b => b.Draft, draft));
        builder.Find("[data-testid=add-section]").Click();
        builder.FindAll("[data-testid=add-Date]")[1].Click();
        Assert.DoesNotContain(draft.Sections[0].Questions, q => q.Type == QuestionType.Date);

        builder.FindAll("[data-testid=question-up]")[3].Click();

        Assert.Equal(QuestionType.Date, draft.Sections[0].Questions[^1].Type);
        Assert.Empty(draft.Sections[1].Questions);
        Assert.Equal(2, builder.FindAll("[data-testid=form-section]").Count);
    }

    [Fact]
    public void A_condition_offers_only_earlier_unconditional_yes_no_and_choice_questions_and_field_errors_show_beside_their_fields()
    {
        var draft = FormDraft.From(DefaultForm.Definition);
        var builder = Render<FormBuilderSections>(p => p
            .Add(b => b.Draft, draft)
            .Add(b => b.ErrorOf, field => field == "Sections[0].Questions[3].LabelEnglish" ? "Enter the English text." : null));
        builder.Find("[data-testid=add-YesNo]").Click();
        builder.Find("[data-testid=add-LongText]").Click();
        var yesNo = draft.Sections[0].Questions[3];
        var explanation = draft.Sections[0].Questions[4];

        Assert.Equal([yesNo], draft.ConditionSourcesFor(explanation));
        Assert.Empty(draft.ConditionSourcesFor(yesNo));
        explanation.ConditionKey = yesNo.Key;
        explanation.ConditionAnswers.Add(AnswerFormat.Yes);
        var condition = draft.ToDefinition().Questions.Last().ShowWhen;
        Assert.Equal("question_1", condition?.QuestionKey);
        Assert.Equal([AnswerFormat.Yes], condition?.Answers ?? []);

        builder.Render();
        var card = builder.FindAll("[data-testid=question-card]")[3];
        Assert.Contains("Enter the English text.", card.TextContent, StringComparison.Ordinal);

        // Removing the deciding question shows its dependants always again.
        draft.Remove(yesNo);
        Assert.Null(draft.ToDefinition().Questions.Last().ShowWhen);
    }
}

using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;
using GrantPortal.Web.Features.Calls;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class CallEligibilitySectionTests : PortalComponentTest
{
    private IRenderedComponent<CallEligibilitySection> Render(CallForm form, Func<string, string?>? errorOf = null) =>
        Render<CallEligibilitySection>(p => p.Add(s => s.Form, form).Add(s => s.ErrorOf, errorOf ?? (_ => null)));

    [Fact]
    public void A_new_question_is_a_yes_no_question_that_no_fails_and_its_texts_reach_the_form()
    {
        var form = new CallForm();
        var section = Render(form);

        section.Find("[data-testid=add-screening-question]").Click();
        section.Find("textarea[data-testid=screening-text-en-0]").Input("Are you a registered non-profit?");
        section.Find("textarea[data-testid=screening-reason-ko-0]").Input("비영리민간단체만 신청할 수 있습니다.");

        var question = Assert.Single(form.Eligibility.Questions);
        Assert.Equal(("q1", QuestionType.YesNo, "Are you a registered non-profit?", "비영리민간단체만 신청할 수 있습니다."),
            (question.Key, question.Type, question.TextEnglish, question.ReasonKorean));
        Assert.Equal([AnswerFormat.No], question.IneligibleAnswers);
    }

    [Fact]
    public void Renaming_an_ineligible_choice_keeps_it_ineligible_and_removing_it_drops_it()
    {
        var form = new CallForm
        {
            Eligibility = new EligibilityRules
            {
                Questions =
                [
                    new ScreeningQuestion
                    {
                        Key = "region",
                        Type = QuestionType.SingleChoice,
                        Choices = [new Choice("korea", "국내", "Korea"), new Choice("abroad", "해외", "Abroad")],
                        IneligibleAnswers = ["abroad"],
                    },
                ],
            },
        };
        var section = Render(form);

        section.FindAll("[data-testid=screening-choice] input")[3].Input("overseas");
        Assert.Equal(["overseas"], form.Eligibility.Questions[0].IneligibleAnswers);

        section.FindAll("[data-testid=screening-choice] button")[1].Click();
        Assert.Empty(form.Eligibility.Questions[0].IneligibleAnswers);
        Assert.Equal(["korea"], form.Eligibility.Questions[0].Choices.Select(c => c.Key));
    }

    [Fact]
    public void Core_errors_are_shown_on_the_fields_they_name()
    {
        var form = new CallForm { Eligibility = new EligibilityRules { Questions = [new ScreeningQuestion { Key = "q1" }] } };

        var section = Render(form, field => field == "Eligibility.Questions[0].ReasonEnglish" ? "Question 1: enter in English the reason." : null);

        Assert.Contains("Question 1: enter in English the reason.", section.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_questions_are_the_most_a_call_can_ask()
    {
        var form = new CallForm();
        var section = Render(form);

        for (var i = 0; i < EligibilityRules.MaximumQuestions + 2; i++)
        {
            section.Find("[data-testid=add-screening-question]").Click();
        }

        Assert.Equal(EligibilityRules.MaximumQuestions, form.Eligibility.Questions.Count);
        Assert.Equal(EligibilityRules.MaximumQuestions, form.Eligibility.Questions.Select(q => q.Key).Distinct().Count());
    }

    [Fact]
    public void A_call_of_one_application_per_organization_offers_no_second_application()
    {
        var state = new ApplyState(7, ApplyStep.Apply, Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 3, 10, 9, 0)) { SubmittedId = 40, OneApplicationOnly = true };

        var panel = Render<ApplyPanel>(p => p.Add(a => a.State, state).Add(a => a.CallTitle, "Youth capacity call"));

        Assert.Equal("/applications/40", panel.Find("[data-testid=view-application]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=apply]"));
        Assert.Equal("This call takes one application per organization.", panel.Find("[data-testid=apply-one-only]").TextContent.Trim());
    }
}

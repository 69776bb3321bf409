using AngleSharp.Dom;
using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Reviews;
using GrantPortal.Web.Features.Reviews;
using MudBlazor;

namespace GrantPortal.Web.Tests;

public sealed class ScoringFormTests : PortalComponentTest
{
    private readonly List<ScoreForm> drafts = [];
    private readonly List<ScoreForm> submissions = [];

    private static ScoreForm Rubric() => new()
    {
        Criteria =
        [
            new CriterionScoreForm { CriterionId = 1, NameEnglish = "Relevance", NameKorean = "타당성", Weight = 2m, ScaleMinimum = 1, ScaleMaximum = 5 },
            new CriterionScoreForm { CriterionId = 2, NameEnglish = "Budget", NameKorean = "예산", Weight = 1m, ScaleMinimum = 0, ScaleMaximum = 10 },
        ],
    };

    private IRenderedComponent<ScoringForm> RenderForm(ScoreForm form) => Render<ScoringForm>(p => p
        .Add(f => f.Form, form)
        .Add(f => f.Version, 3)
        .Add(f => f.SaveDraft, (ScoreForm f, int v) =>
        {
            drafts.Add(f with { Criteria = f.Criteria.Select(c => c with { }).ToList() });
            return Task.FromResult(Result.Done(v + 1));
        })
        .Add(f => f.Submit, (ScoreForm f, int v) =>
        {
            submissions.Add(f);
            return Task.FromResult(Result.Done(v + 1));
        }));

    private static IElement Input(IRenderedComponent<ScoringForm> form, string testId)
    {
        var element = form.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    private static List<string> HelperTexts(IRenderedComponent<ScoringForm> form) =>
        form.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    [Fact]
    public void Score_above_the_scale_is_marked_with_the_range_kept_as_typed_and_left_out_of_the_draft()
    {
        var form = RenderForm(Rubric());

        Input(form, "score-0").Change("6");

        form.WaitForAssertion(() => Assert.Contains("Enter a whole number from 1 to 5.", HelperTexts(form)));
        Assert.Equal("6", Input(form, "score-0").GetAttribute("value"));
        Assert.NotEmpty(form.FindAll("[data-testid=criterion-0] .mud-input-error"));
        Assert.All(drafts, d => Assert.Null(d.Criteria[0].Score));
    }

    [Fact]
    public void Out_of_scale_score_is_said_in_korean_in_a_korean_form()
    {
        UseLanguage("ko");
        var form = RenderForm(Rubric());

        Input(form, "score-1").Change("11");

        form.WaitForAssertion(() => Assert.Contains("0에서 10 사이의 정수를 입력해 주십시오.", HelperTexts(form)));
    }

    [Fact]
    public void Comments_typed_while_a_score_is_out_of_scale_are_still_saved()
    {
        var form = RenderForm(Rubric());
        Input(form, "score-1").Change("11");

        Input(form, "comment-0").Input("Clear need, well documented.");

        // Comments save after a short pause in typing.
        form.WaitForAssertion(() => Assert.Equal("Clear need, well documented.", drafts.Last().Criteria[0].Comment), TimeSpan.FromSeconds(5));
        Assert.Null(drafts.Last().Criteria[1].Score);
        Assert.Contains("Enter a whole number from 0 to 10.", HelperTexts(form));
        Assert.Equal("Draft saved, except the marked score", form.Find("[data-testid=save-state]").TextContent.Trim());
    }

    [Fact]
    public void A_score_corrected_into_the_scale_clears_the_mark_and_is_saved()
    {
        var form = RenderForm(Rubric());
        Input(form, "score-0").Change("6");

        Input(form, "score-0").Change("5");

        form.WaitForAssertion(() => Assert.Equal(5m, drafts.Last().Criteria[0].Score));
        Assert.DoesNotContain("Enter a whole number from 1 to 5.", HelperTexts(form));
        Assert.Equal("Draft saved", form.Find("[data-testid=save-state]").TextContent.Trim());
    }

    [Fact]
    public void Score_below_the_scale_is_shown_as_an_error()
    {
        var form = RenderForm(Rubric());

        Input(form, "score-1").Change("-1");

        form.WaitForAssertion(() => Assert.Contains("Enter a whole number from 0 to 10.", HelperTexts(form)));
        Assert.All(drafts, d => Assert.Null(d.Criteria[1].Score));
    }

    [Fact]
    public void A_score_within_the_scale_is_autosaved_as_a_draft()
    {
        var form = RenderForm(Rubric());

        Input(form, "score-1").Change("10");

        form.WaitForAssertion(() => Assert.Equal(10m, Assert.Single(drafts).Criteria[1].Score));
        Assert.Equal("Draft saved", form.Find("[data-testid=save-state]").TextContent.Trim());
    }

    [Fact]
    public void Submitting_without_comments_and_recommendation_names_every_missing_field()
    {
        var rubric = Rubric();
        rubric.Criteria[0].Score = 4;
        rubric.Criteria[1].Score = 7;
        var form = RenderForm(rubric);

        form.Find("[data-testid=submit-review]").Click();

        var texts = HelperTexts(form);
        Assert.Equal(2, texts.Count(t => t == "Explain your score."));
        Assert.Contains("Write an overall comment.", texts);
        Assert.Equal("Choose fund, reserve or decline.", form.Find("[data-testid=recommendation-error]").TextContent.Trim());
        Assert.Empty(submissions);
    }

    private static ScoreForm Complete()
    {
        var rubric = Rubric();
        rubric.Criteria[0].Score = 4;
        rubric.Criteria[0].Comment = "Clear need.";
        rubric.Criteria[1].Score = 7;
        rubric.Criteria[1].Comment = "Reasonable costs.";
        rubric.OverallComment = "Fund it.";
        rubric.Recommendation = ReviewRecommendation.Fund;
        return rubric;
    }

    [Fact]
    public void Submitting_asks_first_saying_the_review_is_locked_unless_an_officer_reopens_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var form = RenderForm(Complete());

        form.Find("[data-testid=submit-review]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(
            "you cannot change them afterwards unless a program officer reopens the review",
            dialogs.Find(".mud-dialog").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(submissions);
    }

    [Fact]
    public void Cancelling_the_confirmation_submits_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var form = RenderForm(Complete());
        form.Find("[data-testid=submit-review]").Click();

        dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Empty(submissions);
    }

    [Fact]
    public void A_complete_form_is_submitted_once_confirmed()
    {
        var dialogs = Render<MudDialogProvider>();
        var form = RenderForm(Complete());

        form.Find("[data-testid=submit-review]").Click();
        Confirm(dialogs);

        form.WaitForAssertion(() => Assert.Single(submissions));
        Assert.Empty(form.FindAll("[data-testid=form-error]"));
    }

    private static void Confirm(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Submit review").Click();

    [Fact]
    public void A_submitted_review_renders_read_only()
    {
        var form = Render<ScoringForm>(p => p
            .Add(f => f.Form, Rubric())
            .Add(f => f.Editable, false)
            .Add(f => f.SaveDraft, (ScoreForm _, int v) => Task.FromResult(Result.Done(v)))
            .Add(f => f.Submit, (ScoreForm _, int v) => Task.FromResult(Result.Done(v))));

        Assert.Empty(form.FindAll("[data-testid=submit-review]"));
        Assert.True(Input(form, "score-0").HasAttribute("disabled"));
    }

    [Fact]
    public void Server_errors_are_shown_next_to_their_fields()
    {
        var rubric = Rubric();
        rubric.Criteria[0].Score = 4;
        rubric.Criteria[0].Comment = "c";
        rubric.Criteria[1].Score = 7;
        rubric.Criteria[1].Comment = "c";
        rubric.OverallComment = "o";
        rubric.Recommendation = ReviewRecommendation.Reserve;
        var form = Render<ScoringForm>(p => p
            .Add(f => f.Form, rubric)
            .Add(f => f.SaveDraft, (ScoreForm _, int v) => Task.FromResult(Result.Done(v)))
            .Add(f => f.Submit, (ScoreForm _, int v) => Task.FromResult(Result.Refused("This review is submitted and locked.").With(v))));
        var dialogs = Render<MudDialogProvider>();

        form.Find("[data-testid=submit-review]").Click();
        Confirm(dialogs);

        form.WaitForAssertion(() => Assert.Equal("This review is submitted and locked.", form.Find("[data-testid=form-error]").TextContent.Trim()));
    }
}

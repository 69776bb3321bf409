using AngleSharp.Dom;
using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Reviews;
using GrantPortal.Web.Features.Reviews;

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
            return Task.FromResult(new ReviewResult(ReviewOutcome.Saved, v + 1, []));
        })
        .Add(f => f.Submit, (ScoreForm f, int v) =>
        {
            submissions.Add(f);
            return Task.FromResult(new ReviewResult(ReviewOutcome.Saved, v + 1, []));
        }));

    private static IElement Input(IRenderedComponent<ScoringForm> form, string testId)
    {
        var element = form.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    private static List<string> HelperTexts(IRenderedComponent<ScoringForm> form) =>
        form.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    [Fact]
    public void Score_above_the_scale_is_shown_as_an_error_and_not_saved()
    {
        var form = RenderForm(Rubric());

        Input(form, "score-0").Change("6");

        form.WaitForAssertion(() => Assert.Contains("Enter a whole number from 1 to 5.", HelperTexts(form)));
        Assert.Empty(drafts);
    }

    [Fact]
    public void Score_below_the_scale_is_shown_as_an_error()
    {
        var form = RenderForm(Rubric());

        Input(form, "score-1").Change("-1");

        form.WaitForAssertion(() => Assert.Contains("Enter a whole number from 0 to 10.", HelperTexts(form)));
        Assert.Empty(drafts);
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

    [Fact]
    public void A_complete_form_is_submitted()
    {
        var rubric = Rubric();
        rubric.Criteria[0].Score = 4;
        rubric.Criteria[0].Comment = "Clear need.";
        rubric.Criteria[1].Score = 7;
        rubric.Criteria[1].Comment = "Reasonable costs.";
        rubric.OverallComment = "Fund it.";
        rubric.Recommendation = ReviewRecommendation.Fund;
        var form = RenderForm(rubric);

        form.Find("[data-testid=submit-review]").Click();

        form.WaitForAssertion(() => Assert.Single(submissions));
        Assert.Empty(form.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public void A_submitted_review_renders_read_only()
    {
        var form = Render<ScoringForm>(p => p
            .Add(f => f.Form, Rubric())
            .Add(f => f.Editable, false)
            .Add(f => f.SaveDraft, (ScoreForm _, int v) => Task.FromResult(new ReviewResult(ReviewOutcome.Saved, v, [])))
            .Add(f => f.Submit, (ScoreForm _, int v) => Task.FromResult(new ReviewResult(ReviewOutcome.Saved, v, []))));

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
            .Add(f => f.SaveDraft, (ScoreForm _, int v) => Task.FromResult(new ReviewResult(ReviewOutcome.Saved, v, [])))
            .Add(f => f.Submit, (ScoreForm _, int v) => Task.FromResult(new ReviewResult(ReviewOutcome.Locked, v, [new FieldError("", "This review is submitted and locked.")]))));

        form.Find("[data-testid=submit-review]").Click();

        form.WaitForAssertion(() => Assert.Equal("This review is submitted and locked.", form.Find("[data-testid=form-error]").TextContent.Trim()));
    }
}

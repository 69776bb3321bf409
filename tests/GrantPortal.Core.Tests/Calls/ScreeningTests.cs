using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;

namespace GrantPortal.Core.Tests.Calls;

public sealed class ScreeningTests
{
    private static readonly ScreeningQuestion NonProfit = new()
    {
        Key = "nonprofit",
        Type = QuestionType.YesNo,
        TextKorean = "비영리민간단체입니까?",
        TextEnglish = "Non-profit?",
        IneligibleAnswers = [AnswerFormat.No],
        ReasonKorean = "비영리민간단체만 신청할 수 있습니다.",
        ReasonEnglish = "Only non-profit civil organizations may apply.",
    };

    private static readonly ScreeningQuestion Region = new()
    {
        Key = "region",
        Type = QuestionType.SingleChoice,
        TextKorean = "소재지",
        TextEnglish = "Based in",
        Choices = [new Choice("korea", "국내", "Korea"), new Choice("abroad", "해외", "Abroad"), new Choice("both", "둘 다", "Both")],
        IneligibleAnswers = ["abroad"],
        ReasonKorean = "국내 단체만 신청할 수 있습니다.",
        ReasonEnglish = "Only organizations based in Korea may apply.",
    };

    private static readonly EligibilityRules Rules = new() { Questions = [NonProfit, Region] };

    [Fact]
    public void Eligible_answers_pass()
    {
        var verdict = Screening.Decide(Rules, new Dictionary<string, string> { ["nonprofit"] = "yes", ["region"] = "both" });

        Assert.True(verdict.Passed);
    }

    [Fact]
    public void An_ineligible_answer_fails_that_question_only_with_its_reason()
    {
        var verdict = Screening.Decide(Rules, new Dictionary<string, string> { ["nonprofit"] = "no", ["region"] = "korea" });

        Assert.False(verdict.Passed);
        var failed = Assert.Single(verdict.Failed);
        Assert.Equal("nonprofit", failed.Key);
        Assert.Equal("Only non-profit civil organizations may apply.", failed.Reason("en"));
        Assert.Equal("비영리민간단체만 신청할 수 있습니다.", failed.Reason("ko"));
    }

    [Fact]
    public void Every_failing_question_is_named()
    {
        var verdict = Screening.Decide(Rules, new Dictionary<string, string> { ["nonprofit"] = "no", ["region"] = "abroad" });

        Assert.Equal(["nonprofit", "region"], verdict.Failed.Select(q => q.Key));
    }

    [Fact]
    public void A_missing_or_unknown_answer_is_unanswered_not_eligible()
    {
        var verdict = Screening.Decide(Rules, new Dictionary<string, string> { ["nonprofit"] = "maybe" });

        Assert.False(verdict.Passed);
        Assert.Equal(["nonprofit", "region"], verdict.Unanswered.Select(q => q.Key));
        Assert.Empty(verdict.Failed);
    }

    [Fact]
    public void A_call_without_questions_passes_without_answers() =>
        Assert.True(Screening.Decide(new EligibilityRules(), null).Passed);

    [Fact]
    public void No_answers_to_a_call_with_questions_leave_every_question_unanswered() =>
        Assert.Equal(2, Screening.Decide(Rules, null).Unanswered.Count);
}

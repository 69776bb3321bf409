using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Time;
using NodaTime;

namespace GrantPortal.Core.Tests.Applications;

/// <summary>What the organization has to do next, and by when, at each stage of an application's grant cycle.</summary>
public sealed class NextStepRuleTests
{
    // 2026-03-10 09:00 in Seoul.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 10, 0, 0);

    private static readonly Instant Before = Now - Duration.FromDays(30);

    private static readonly TimelineFacts Awarded = new()
    {
        Status = ApplicationStatus.Awarded,
        CreatedAt = Before,
        SubmittedAt = Before,
        CallClosesAt = Before,
        Award = new AwardFact(Before, new Krw(50_000_000), AwardStatus.Active, null),
        Agreement = new AgreementFact(AgreementStatus.Decided, Before, Before, null, Before),
        Reports =
        [
            new ReportFact(7, ReportKind.Interim, new LocalDate(2026, 6, 30), ReportStatus.Due, null, null),
            new ReportFact(8, ReportKind.Final, new LocalDate(2026, 12, 31), ReportStatus.Due, null, null),
        ],
    };

    [Fact]
    public void Draft_is_submitted_by_the_calls_deadline()
    {
        var closes = Now + Duration.FromDays(3);
        var facts = new TimelineFacts { Status = ApplicationStatus.Draft, CreatedAt = Before, CallClosesAt = closes };

        var next = NextStepRule.For(facts, Now);

        Assert.Equal(new NextStep(NextStepKind.SubmitApplication) { DueAt = closes }, next);
    }

    [Fact]
    public void Draft_of_a_closed_call_has_nothing_left_to_do()
    {
        var facts = new TimelineFacts { Status = ApplicationStatus.Draft, CreatedAt = Before, CallClosesAt = Now - Duration.FromMinutes(1) };

        Assert.Null(NextStepRule.For(facts, Now));
    }

    [Fact]
    public void Submitted_application_waits_for_the_ministry()
    {
        var facts = new TimelineFacts { Status = ApplicationStatus.UnderReview, CreatedAt = Before, SubmittedAt = Before, CallClosesAt = Before };

        Assert.Null(NextStepRule.For(facts, Now));
    }

    [Fact]
    public void Open_information_request_is_answered_by_its_due_day_and_overdue_the_day_after()
    {
        var facts = new TimelineFacts
        {
            Status = ApplicationStatus.Submitted,
            CreatedAt = Before,
            SubmittedAt = Before,
            CallClosesAt = Before,
            InformationRequests =
            [
                new InformationRequestFact(Before, new LocalDate(2026, 2, 20), Before + Duration.FromDays(2)),
                new InformationRequestFact(Before, new LocalDate(2026, 3, 10), null),
            ],
        };

        var onTheDay = NextStepRule.For(facts, Now);
        var dayAfter = NextStepRule.For(facts, Seoul.StartOf(new LocalDate(2026, 3, 11)));

        Assert.Equal(new NextStep(NextStepKind.AnswerInformationRequest) { DueOn = new LocalDate(2026, 3, 10) }, onTheDay);
        Assert.True(dayAfter!.Overdue);
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Application_not_funded_or_withdrawn_has_nothing_left_to_do(ApplicationStatus status)
    {
        var facts = new TimelineFacts { Status = status, CreatedAt = Before, SubmittedAt = Before, CallClosesAt = Before };

        Assert.Null(NextStepRule.For(facts, Now));
    }

    [Fact]
    public void Award_without_an_agreement_asks_to_sign_it_before_any_report()
    {
        Assert.Equal(NextStepKind.SignAgreement, NextStepRule.For(Awarded with { Agreement = null }, Now)!.Kind);
        Assert.Equal(NextStepKind.SignAgreement, NextStepRule.For(Awarded with { Agreement = Awarded.Agreement! with { Status = AgreementStatus.Draft } }, Now)!.Kind);
    }

    [Fact]
    public void Returned_agreement_is_corrected_and_a_submitted_one_waits_for_the_decision()
    {
        Assert.Equal(NextStepKind.CorrectAgreement, NextStepRule.For(Awarded with { Agreement = Awarded.Agreement! with { Status = AgreementStatus.Returned } }, Now)!.Kind);
        Assert.Null(NextStepRule.For(Awarded with { Agreement = Awarded.Agreement! with { Status = AgreementStatus.Submitted } }, Now));
    }

    [Fact]
    public void After_the_grant_decision_the_earliest_open_report_is_due()
    {
        var next = NextStepRule.For(Awarded, Now);

        Assert.Equal(new NextStep(NextStepKind.SubmitReport) { DueOn = new LocalDate(2026, 6, 30), Report = ReportKind.Interim, ReportId = 7 }, next);
    }

    [Fact]
    public void Submitted_interim_report_leaves_the_final_report_with_the_settlement_next()
    {
        var facts = Awarded with { Reports = [Awarded.Reports[0] with { Status = ReportStatus.Submitted, SubmittedAt = Now }, Awarded.Reports[1]] };

        var next = NextStepRule.For(facts, Now);

        Assert.Equal((NextStepKind.SubmitReport, ReportKind.Final, new LocalDate(2026, 12, 31)), (next!.Kind, next.Report!.Value, next.DueOn!.Value));
    }

    [Fact]
    public void Returned_report_is_resubmitted_and_shows_overdue_after_its_due_day()
    {
        var returned = Awarded.Reports[0] with { DueOn = new LocalDate(2026, 3, 1), Status = ReportStatus.Returned, SubmittedAt = Before, ReviewedAt = Before };
        var facts = Awarded with { Reports = [returned, Awarded.Reports[1]] };

        var next = NextStepRule.For(facts, Now);

        Assert.Equal((NextStepKind.ResubmitReport, ReportKind.Interim, true), (next!.Kind, next.Report!.Value, next.Overdue));
    }

    [Fact]
    public void Settled_award_that_owes_money_asks_for_the_return_and_one_that_does_not_is_done()
    {
        var approved = Awarded.Reports.Select(r => r with { Status = ReportStatus.Approved, SubmittedAt = Before, ReviewedAt = Before }).ToList();
        var settled = Awarded with { Award = Awarded.Award! with { Status = AwardStatus.Completed }, Reports = approved };
        var owed = new SettlementFact(Now, new Krw(1_200_000), ReturnStatus.Owed, null);

        Assert.Equal(new NextStep(NextStepKind.ReturnFunds) { Amount = new Krw(1_200_000) }, NextStepRule.For(settled with { Settlement = owed }, Now));
        Assert.Null(NextStepRule.For(settled with { Settlement = owed with { ReturnStatus = ReturnStatus.Received } }, Now));
        Assert.Null(NextStepRule.For(settled with { Settlement = owed with { AmountToReturn = Krw.Zero, ReturnStatus = ReturnStatus.None } }, Now));
    }

    [Fact]
    public void Cancelled_award_has_nothing_left_to_do()
    {
        Assert.Null(NextStepRule.For(Awarded with { Award = Awarded.Award! with { Status = AwardStatus.Cancelled, CancelledAt = Now } }, Now));
    }

    [Fact]
    public void Events_run_in_the_order_they_happened_with_what_is_due_last()
    {
        var submitted = Instant.FromUtc(2026, 2, 1, 3, 0);
        var facts = Awarded with
        {
            CreatedAt = Instant.FromUtc(2026, 1, 20, 3, 0),
            SubmittedAt = submitted,
            ReviewStartedAt = submitted + Duration.FromDays(3),
            InformationRequests = [new InformationRequestFact(submitted + Duration.FromDays(1), new LocalDate(2026, 2, 5), submitted + Duration.FromDays(2))],
            Award = Awarded.Award! with { AwardedAt = submitted + Duration.FromDays(10) },
            Agreement = new AgreementFact(AgreementStatus.Decided, submitted + Duration.FromDays(11), submitted + Duration.FromDays(11), null, submitted + Duration.FromDays(12)),
            Tranches = [new TrancheFact(1, new Krw(30_000_000), new LocalDate(2026, 2, 15), new LocalDate(2026, 2, 16)), new TrancheFact(2, new Krw(20_000_000), new LocalDate(2026, 7, 15), null)],
        };

        var kinds = TimelineEvents.Of(facts).Select(e => (e.Kind, e.Upcoming)).ToList();

        Assert.Equal(
            [
                (TimelineEventKind.DraftStarted, false), (TimelineEventKind.Submitted, false), (TimelineEventKind.InformationRequested, false),
                (TimelineEventKind.InformationAnswered, false), (TimelineEventKind.UnderReview, false), (TimelineEventKind.Awarded, false),
                (TimelineEventKind.AgreementSigned, false), (TimelineEventKind.AgreementSubmitted, false), (TimelineEventKind.GrantDecided, false),
                (TimelineEventKind.TranchePaid, false), (TimelineEventKind.ReportDue, true), (TimelineEventKind.TranchePlanned, true), (TimelineEventKind.ReportDue, true),
            ],
            kinds);
    }
}

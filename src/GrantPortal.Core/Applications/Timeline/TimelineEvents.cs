namespace GrantPortal.Core.Applications;

/// <summary>What happened (or is due) to an application; each kind has words in both languages (<c>Timeline_Event_{kind}</c>).</summary>
public enum TimelineEventKind
{
    DraftStarted,
    ConceptNoteSubmitted,
    Shortlisted,
    Submitted,
    InformationRequested,
    InformationAnswered,
    UnderReview,
    Withdrawn,
    NotFunded,
    Awarded,
    AwardCancelled,
    AgreementSigned,
    AgreementSubmitted,
    AgreementReturned,
    GrantDecided,
    TranchePaid,
    TranchePlanned,
    ReportDue,
    ReportSubmitted,
    ReportReturned,
    ReportApproved,
    SettlementConfirmed,
    FundsReturned,
}

/// <summary>
/// One dated event. <paramref name="At"/> is the moment when the portal stored one, else the event is a day
/// (<paramref name="On"/>, a Seoul date: a payment day, a due date). <paramref name="Upcoming"/> marks what is still
/// ahead: a report not yet submitted, a tranche not yet paid.
/// </summary>
public sealed record TimelineEvent(TimelineEventKind Kind, LocalDate On, Instant? At = null, bool Upcoming = false)
{
    /// <summary>An information request's due day, a tranche's number, a report's kind, an amount: what the words need.</summary>
    public LocalDate? DueOn { get; init; }

    public int? Sequence { get; init; }

    public ReportKind? Report { get; init; }

    public int? ReportId { get; init; }

    public Krw? Amount { get; init; }
}

/// <summary>An application's events in the order they happened (what is still due last), and what the organization does next.</summary>
public sealed record ApplicationTimeline(IReadOnlyList<TimelineEvent> Events, NextStep? Next);

/// <summary>Turns the stored facts into dated events.</summary>
public static class TimelineEvents
{
    public static IReadOnlyList<TimelineEvent> Of(TimelineFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var events = new List<TimelineEvent> { At(TimelineEventKind.DraftStarted, facts.CreatedAt) };
        if (facts.ConceptNoteSubmittedAt is { } noteSubmitted)
        {
            events.Add(At(TimelineEventKind.ConceptNoteSubmitted, noteSubmitted));
        }

        if (facts is { Shortlist: ShortlistDecision.Invited, ShortlistedAt: { } shortlisted })
        {
            events.Add(At(TimelineEventKind.Shortlisted, shortlisted));
        }

        AddIf(events, TimelineEventKind.Submitted, facts.SubmittedAt);
        foreach (var request in facts.InformationRequests)
        {
            events.Add(At(TimelineEventKind.InformationRequested, request.RequestedAt) with { DueOn = request.DueOn });
            AddIf(events, TimelineEventKind.InformationAnswered, request.AnsweredAt);
        }

        if (facts.Status is ApplicationStatus.UnderReview or ApplicationStatus.Awarded or ApplicationStatus.Rejected)
        {
            AddIf(events, TimelineEventKind.UnderReview, facts.ReviewStartedAt);
        }

        AddIf(events, TimelineEventKind.Withdrawn, facts.WithdrawnAt);
        if (facts.Status == ApplicationStatus.Rejected)
        {
            AddIf(events, TimelineEventKind.NotFunded, facts.CallFinalizedAt);
        }

        if (facts.Award is { } award)
        {
            events.Add(At(TimelineEventKind.Awarded, award.AwardedAt) with { Amount = award.Amount });
            AddIf(events, TimelineEventKind.AwardCancelled, award.CancelledAt);
            AddAgreement(events, facts.Agreement);
            AddMoneyAndReports(events, facts, award.Status == AwardStatus.Active);
        }

        if (facts.Settlement is { } settlement)
        {
            events.Add(At(TimelineEventKind.SettlementConfirmed, settlement.ConfirmedAt) with { Amount = settlement.AmountToReturn });
            if (settlement.ReturnStatus == ReturnStatus.Received)
            {
                AddIf(events, TimelineEventKind.FundsReturned, settlement.ReturnConfirmedAt);
            }
        }

        // By day; within a day, stored moments in order and bare days (a due day ends the day) after them. The sort is
        // stable, so events of the same moment keep the cycle's order.
        return events
            .OrderBy(e => e.On)
            .ThenBy(e => e.At ?? Instant.MaxValue)
            .ToList();
    }

    private static void AddAgreement(List<TimelineEvent> events, AgreementFact? agreement)
    {
        if (agreement is null)
        {
            return;
        }

        AddIf(events, TimelineEventKind.AgreementSigned, agreement.PledgeSignedAt);
        AddIf(events, TimelineEventKind.AgreementSubmitted, agreement.SubmittedAt);
        AddIf(events, TimelineEventKind.AgreementReturned, agreement.ReturnedAt);
        AddIf(events, TimelineEventKind.GrantDecided, agreement.DecidedAt);
    }

    private static void AddMoneyAndReports(List<TimelineEvent> events, TimelineFacts facts, bool active)
    {
        foreach (var tranche in facts.Tranches.OrderBy(t => t.Sequence))
        {
            if (tranche.PaidOn is { } paidOn)
            {
                events.Add(new TimelineEvent(TimelineEventKind.TranchePaid, paidOn) { Sequence = tranche.Sequence, Amount = tranche.Amount });
            }
            else if (active)
            {
                events.Add(new TimelineEvent(TimelineEventKind.TranchePlanned, tranche.PlannedOn, Upcoming: true) { Sequence = tranche.Sequence, Amount = tranche.Amount });
            }
        }

        foreach (var report in facts.Reports.OrderBy(r => r.DueOn))
        {
            var open = report.Status is ReportStatus.Due or ReportStatus.Draft or ReportStatus.Returned;
            if (active || !open)
            {
                events.Add(new TimelineEvent(TimelineEventKind.ReportDue, report.DueOn, Upcoming: open) { Report = report.Kind, ReportId = report.Id });
            }

            if (report.SubmittedAt is { } submitted)
            {
                events.Add(At(TimelineEventKind.ReportSubmitted, submitted) with { Report = report.Kind, ReportId = report.Id });
            }

            var reviewed = report.Status switch
            {
                ReportStatus.Approved => TimelineEventKind.ReportApproved,
                ReportStatus.Returned => TimelineEventKind.ReportReturned,
                _ => (TimelineEventKind?)null,
            };
            if (reviewed is { } kind && report.ReviewedAt is { } reviewedAt)
            {
                events.Add(At(kind, reviewedAt) with { Report = report.Kind, ReportId = report.Id });
            }
        }
    }

    private static void AddIf(List<TimelineEvent> events, TimelineEventKind kind, Instant? at)
    {
        if (at is { } moment)
        {
            events.Add(At(kind, moment));
        }
    }

    private static TimelineEvent At(TimelineEventKind kind, Instant at) => new(kind, Seoul.ToLocal(at).Date, at);
}

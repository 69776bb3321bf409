namespace GrantPortal.Core.Applications;

/// <summary>
/// What the grant cycle stored about one application, from draft to settlement, as <see cref="ApplicationTimelineQuery"/>
/// reads it in one SQL command. <see cref="TimelineEvents"/> turns it into dated events and <see cref="NextStepRule"/>
/// into the one thing the organization has to do next.
/// </summary>
public sealed record TimelineFacts
{
    public ApplicationStatus Status { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant? SubmittedAt { get; init; }

    public Instant? WithdrawnAt { get; init; }

    public Instant CallClosesAt { get; init; }

    /// <summary>When the officer finalized the call: an application still undecided then was not funded.</summary>
    public Instant? CallFinalizedAt { get; init; }

    /// <summary>The first reviewer's assignment, which moved the application under review.</summary>
    public Instant? ReviewStartedAt { get; init; }

    /// <summary>A full proposal of a two-stage call: its concept note's submission and shortlist decision.</summary>
    public Instant? ConceptNoteSubmittedAt { get; init; }

    public ShortlistDecision? Shortlist { get; init; }

    public Instant? ShortlistedAt { get; init; }

    public IReadOnlyList<InformationRequestFact> InformationRequests { get; init; } = [];

    public AwardFact? Award { get; init; }

    public AgreementFact? Agreement { get; init; }

    public IReadOnlyList<TrancheFact> Tranches { get; init; } = [];

    public IReadOnlyList<ReportFact> Reports { get; init; } = [];

    public SettlementFact? Settlement { get; init; }
}

public sealed record InformationRequestFact(Instant RequestedAt, LocalDate DueOn, Instant? AnsweredAt);

public sealed record AwardFact(Instant AwardedAt, Krw Amount, AwardStatus Status, Instant? CancelledAt);

public sealed record AgreementFact(AgreementStatus Status, Instant? PledgeSignedAt, Instant? SubmittedAt, Instant? ReturnedAt, Instant? DecidedAt);

/// <summary>A planned tranche and the day its payment was marked paid, if it was.</summary>
public sealed record TrancheFact(int Sequence, Krw Amount, LocalDate PlannedOn, LocalDate? PaidOn);

public sealed record ReportFact(int Id, ReportKind Kind, LocalDate DueOn, ReportStatus Status, Instant? SubmittedAt, Instant? ReviewedAt);

public sealed record SettlementFact(Instant ConfirmedAt, Krw AmountToReturn, ReturnStatus ReturnStatus, Instant? ReturnConfirmedAt);

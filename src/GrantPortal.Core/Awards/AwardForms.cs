namespace GrantPortal.Core.Awards;

/// <summary>Which report, if any, a tranche waits for.</summary>
public enum TrancheGate
{
    None,
    InterimReport,
    FinalReport,
}

/// <summary>One planned payment of an award as the officer enters it.</summary>
public sealed record TrancheForm
{
    public Krw Amount { get; set; }

    public LocalDate PlannedOn { get; set; }

    public TrancheGate Gate { get; set; }
}

/// <summary>What the officer decides for one application.</summary>
public sealed record AwardForm
{
    public int ApplicationId { get; set; }

    public Krw Amount { get; set; }

    public string? ReductionReason { get; set; }

    public string Conditions { get; set; } = "";

    public LocalDate InterimReportDueOn { get; set; }

    public LocalDate FinalReportDueOn { get; set; }

    public List<TrancheForm> Tranches { get; init; } = [];

    /// <summary>
    /// The usual plan: 60% on signature (rounded down to ten thousand won), the rest after the interim report;
    /// reports due at the middle and 30 days after the end of the project.
    /// </summary>
    public static AwardForm Proposed(int applicationId, Krw amount, LocalDate today, LocalDate? projectStart, LocalDate? projectEnd)
    {
        var start = projectStart is { } s && s > today ? s : today;
        var end = projectEnd is { } e && e > start ? e : start.PlusMonths(6);
        var middle = start.PlusDays(Period.DaysBetween(start, end) / 2);
        var first = new Krw(amount.Won * 60 / 100 / 10_000 * 10_000);
        return new AwardForm
        {
            ApplicationId = applicationId,
            Amount = amount,
            InterimReportDueOn = middle,
            FinalReportDueOn = end.PlusDays(30),
            Tranches =
            [
                new TrancheForm { Amount = first, PlannedOn = today.PlusDays(7), Gate = TrancheGate.None },
                new TrancheForm { Amount = amount - first, PlannedOn = middle.PlusDays(14), Gate = TrancheGate.InterimReport },
            ],
        };
    }
}

/// <summary>A call as the awarding officer sees it: the money and the applications waiting for a decision.</summary>
public sealed record AwardingCall(
    int Id,
    int Year,
    string Code,
    string TitleKorean,
    string TitleEnglish,
    Krw Envelope,
    Krw Committed,
    Instant? FinalizedAt,
    IReadOnlyList<AwardCandidate> Candidates)
{
    public Krw Remaining => Envelope - Committed;

    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}

/// <summary>One application of a call with its panel decision and, once decided, its award.</summary>
public sealed record AwardCandidate(
    int ApplicationId,
    string? ReceiptNumber,
    string ProjectTitle,
    OrganizationName OrganizationName,
    ApplicationStatus Status,
    PanelDecision? PanelDecision,
    string? PanelNote,
    Krw Requested,
    int? AwardId,
    Krw? Awarded,
    AwardStatus? AwardStatus,
    LocalDate? StartDate,
    LocalDate? EndDate)
{
    public bool CanBeAwarded => AwardId is null && Status == ApplicationStatus.UnderReview
        && PanelDecision is Applications.PanelDecision.Fund or Applications.PanelDecision.Reserve;
}

/// <summary>A call listed on /awards.</summary>
public sealed record AwardingCallSummary(int Id, int Year, string Code, string TitleKorean, string TitleEnglish, Krw Envelope, Krw Committed, int Applications, int Decided, int Awards, Instant? FinalizedAt)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;

    /// <summary>
    /// The call the awards page opens on, from calls ordered latest-closed first: where the work is. The latest
    /// open round with panel decisions, then one with applications, then the latest call that had applications at
    /// all, then simply the latest call; 0 when there is none.
    /// </summary>
    public static int Default(IReadOnlyList<AwardingCallSummary> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return calls.FirstOrDefault(c => c.FinalizedAt is null && c.Decided > 0)?.Id
            ?? calls.FirstOrDefault(c => c.FinalizedAt is null && c.Applications > 0)?.Id
            ?? calls.FirstOrDefault(c => c.Applications > 0)?.Id
            ?? (calls.Count > 0 ? calls[0].Id : 0);
    }
}

public sealed record TrancheView(
    int Id,
    int Sequence,
    Krw Amount,
    LocalDate PlannedOn,
    int? GatingReportId,
    ReportKind? GatingReportKind,
    ReportStatus? GatingReportStatus,
    Krw Recorded,
    Krw Paid,
    IReadOnlyList<PaymentView> Payments)
{
    public Krw Open => Amount - Recorded;
}

public sealed record PaymentView(
    int Id,
    int TrancheId,
    Krw Amount,
    PaymentStatus Status,
    string RecordedBy,
    Instant RecordedAt,
    string? ApprovedBy,
    Instant? ApprovedAt,
    LocalDate? PaidOn,
    string? BankReference,
    string? Note,
    int Version,
    string? RejectionReason = null,
    string? Account = null);

public sealed record ReportRequirement(int Id, ReportKind Kind, LocalDate DueOn, ReportStatus Status);

/// <summary>An award with everything its details page and letter show.</summary>
public sealed record AwardDetails(
    int Id,
    int ApplicationId,
    int CallId,
    string CallCode,
    string CallTitleKorean,
    string CallTitleEnglish,
    int Year,
    OrganizationName OrganizationName,
    string ProjectTitle,
    string? ReceiptNumber,
    LocalDate? StartDate,
    LocalDate? EndDate,
    Krw Requested,
    Krw Amount,
    string? ReductionReason,
    string Conditions,
    AwardStatus Status,
    Instant AwardedAt,
    Instant? CancelledAt,
    string? CancellationReason,
    Krw ReturnedAmount,
    int Version,
    IReadOnlyList<TrancheView> Tranches,
    IReadOnlyList<ReportRequirement> Reports,
    ReceiptRequirement ReceiptsRequired,
    LocalDate? ClosedOn = null)
{
    public Krw Paid => Krw.Sum(Tranches.Select(t => t.Paid));

    public Krw Recorded => Krw.Sum(Tranches.Select(t => t.Recorded));

    public string CallTitle(string language) => language == "en" ? CallTitleEnglish : CallTitleKorean;
}

namespace GrantPortal.Core.Awards;

/// <summary>One spending line of the final report as the settlement panel shows it.</summary>
public sealed record SettlementLineView(
    int SpendingLineId, BudgetCategory Category, string Item, Krw GrantBudget, Krw GrantSpent, Krw OwnSpent, Krw Ineligible, string? IneligibleReason, bool NeedsEvidence, int EvidenceCount)
{
    public Krw EligibleGrant => Krw.Max(GrantSpent - Ineligible, Krw.Zero);
}

/// <summary>The confirmed settlement and where its receivable stands.</summary>
public sealed record ConfirmedSettlement(
    int Id,
    Instant ConfirmedAt,
    string ConfirmedBy,
    LocalDate? ClosedOn,
    Krw AmountToReturn,
    ReturnStatus ReturnStatus,
    LocalDate? ReturnReceivedOn,
    string? ReturnReference,
    string? ReturnRecordedBy,
    string? ReturnConfirmedBy,
    int Version);

/// <summary>An award's settlement as its reader may see it: the sheet (from the final report, or as confirmed), the lines, the verifier's reports, and what the reader may do.</summary>
public sealed record SettlementView(
    int AwardId,
    Krw AwardAmount,
    int? FinalReportId,
    ReportStatus? FinalReportStatus,
    SettlementSheet Sheet,
    IReadOnlyList<SettlementLineView> Lines,
    Krw EvidenceThreshold,
    Krw VerificationThreshold,
    bool VerificationRequired,
    IReadOnlyList<AttachmentView> VerificationReports,
    ConfirmedSettlement? Confirmed,
    bool IsOfficer)
{
    /// <summary>The officer may mark spending ineligible and attach the verifier's report while the award is not settled and the final report is in.</summary>
    public bool CanReview => IsOfficer && Confirmed is null && FinalReportStatus is ReportStatus.Submitted or ReportStatus.Approved;

    public bool CanConfirm => IsOfficer && Confirmed is null && FinalReportStatus == ReportStatus.Approved
        && (!VerificationRequired || VerificationReports.Count > 0);
}

/// <summary>A settlement's return waiting on the finance worklist: to record as received, or to confirm.</summary>
public sealed record WorklistReceivable(
    int SettlementId,
    int AwardId,
    OrganizationName OrganizationName,
    string ProjectTitle,
    Krw Amount,
    ReturnStatus Status,
    Instant ConfirmedAt,
    LocalDate? ReceivedOn,
    string? Reference,
    string? RecordedBy,
    bool RecordedByMe,
    int Version);

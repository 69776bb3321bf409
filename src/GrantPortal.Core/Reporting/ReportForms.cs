namespace GrantPortal.Core.Reporting;

/// <summary>What a grantee writes in a report; saved as a whole by autosave.</summary>
public sealed record ReportDraft
{
    public string ActivitiesCarriedOut { get; set; } = "";

    public string Outcomes { get; set; } = "";

    public string EventsAndPublications { get; set; } = "";

    public string Lessons { get; set; } = "";

    /// <summary>The actual of each of the call's indicators against the application's target.</summary>
    public List<IndicatorActualDraft> Indicators { get; init; } = [];

    public List<SpendingLineDraft> SpendingLines { get; init; } = [];

    /// <summary>Interest the dedicated account earned (a final report's settlement sheet).</summary>
    public Krw InterestEarned { get; set; }
}

/// <summary>Spending against one approved budget line: the budget is fixed, the grantee fills in what was spent.</summary>
public sealed record SpendingLineDraft
{
    public int? BudgetLineId { get; init; }

    public BudgetCategory Category { get; init; }

    public string Item { get; init; } = "";

    public Krw Budgeted { get; init; }

    /// <summary>
    /// What the report is expected to show spent on this line by its period end (see <see cref="SpendingBaseline"/>);
    /// null means the whole budget, as in a final report.
    /// </summary>
    public Krw? Expected { get; init; }

    /// <summary>The grant's share of the spending (보조금).</summary>
    public Krw Spent { get; set; }

    /// <summary>The own contribution's share of the spending (자부담).</summary>
    public Krw OwnSpent { get; set; }

    public string? VarianceExplanation { get; set; }

    /// <summary>The saved line's id, once the report was saved: evidence files are uploaded against it.</summary>
    public int? SpendingLineId { get; init; }

    /// <summary>The part of the grant spending the officer found ineligible at settlement, and why.</summary>
    public Krw IneligibleGrant { get; init; }

    public string? IneligibleReason { get; init; }

    /// <summary>The evidence files (증빙) uploaded for the line.</summary>
    public IReadOnlyList<EvidenceView> Evidence { get; init; } = [];

    /// <summary>Grant and own contribution together.</summary>
    public Krw TotalSpent => Spent + OwnSpent;

    /// <summary>The amount spending is compared with: the expected share, or the whole budget.</summary>
    public Krw ExpectedSpent => Expected ?? Budgeted;

    public Krw Variance => Spent - ExpectedSpent;

    /// <summary>Over 10% away from what was expected (either way) needs a reason.</summary>
    public bool NeedsExplanation => SpendingBaseline.NeedsExplanation(ExpectedSpent, Spent);

    /// <summary>The variance as a percentage of what was expected, rounded toward zero; null when nothing was expected.</summary>
    public int? VariancePercent => ExpectedSpent.IsZero ? null : (int)(Variance.Won * 100 / ExpectedSpent.Won);
}

/// <summary>An evidence file of a spending line and what it proves.</summary>
public sealed record EvidenceView(AttachmentView File, EvidenceKind Kind);

/// <summary>One report in a list: the grantee's own, or the officer's review queue.</summary>
public sealed record ReportRow(
    int Id,
    int AwardId,
    ReportKind Kind,
    ReportStatus Status,
    LocalDate DueOn,
    string ProjectTitle,
    OrganizationName OrganizationName,
    string CallCode,
    int Year,
    Instant? SubmittedAt,
    int SubmissionCount);

public sealed record ReportQuery
{
    public ReportStatus? Status { get; init; }

    public int? Year { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}

public sealed record ReportPage(IReadOnlyList<ReportRow> Rows, int TotalCount);

/// <summary>A step in a report's life, from the audit trail: submissions, returns with the officer's comment, approval.</summary>
public sealed record ReportHistoryEntry(Instant At, string Action, string ActorName, string? Comment);

/// <summary>A payment tranche that waits for this report.</summary>
public sealed record GatedTranche(int Sequence, Krw Amount, LocalDate PlannedOn);

/// <summary>A report as its reader may see it.</summary>
public sealed record ReportView(
    int Id,
    int AwardId,
    ReportKind Kind,
    ReportStatus Status,
    LocalDate DueOn,
    string ProjectTitle,
    OrganizationName OrganizationName,
    string CallCode,
    int Year,
    Krw AwardAmount,
    int Version,
    ReportDraft Form,
    Instant? SubmittedAt,
    Instant? ReviewedAt,
    string? OfficerComment,
    int SubmissionCount,
    IReadOnlyList<AttachmentView> Receipts,
    IReadOnlyList<ReportHistoryEntry> History,
    IReadOnlyList<GatedTranche> GatedTranches,
    bool CanEdit,
    bool CanReview,
    SpendingBaseline Baseline,
    bool ReceiptsRequired,
    Krw EvidenceThreshold = default)
{
    /// <summary>A final report carries the settlement sheet: own contribution, interest and evidence per line.</summary>
    public bool HasSettlementSheet => Kind == ReportKind.Final;

    /// <summary>Whether the line needs an evidence file before the report can be submitted.</summary>
    public bool NeedsEvidence(SpendingLineDraft line) =>
        HasSettlementSheet && SettlementThresholds.NeedsEvidence(line.TotalSpent, EvidenceThreshold);

    public Krw TotalBudgeted => Krw.Sum(Form.SpendingLines.Select(l => l.Budgeted));

    public Krw TotalSpent => Krw.Sum(Form.SpendingLines.Select(l => l.Spent));
}

/// <summary>What a saved report hands back: the version the next save must carry, and for an approval the tranches it unlocked.</summary>
public sealed record SavedReport(int Version, IReadOnlyList<GatedTranche> UnlockedTranches);

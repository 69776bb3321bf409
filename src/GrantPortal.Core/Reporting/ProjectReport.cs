namespace GrantPortal.Core.Reporting;

public enum ReportKind
{
    Interim,
    Final,
}

public enum ReportStatus
{
    Due,
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>A grantee's account of a funded project: what happened and where the money went.</summary>
public sealed class ProjectReport : IVersioned
{
    public int Id { get; private set; }

    public int AwardId { get; set; }

    public ReportKind Kind { get; set; }

    public LocalDate DueOn { get; set; }

    public ReportStatus Status { get; set; }

    public string ActivitiesCarriedOut { get; set; } = "";

    public string Outcomes { get; set; } = "";

    public string EventsAndPublications { get; set; } = "";

    public string Lessons { get; set; } = "";

    public Instant? SubmittedAt { get; set; }

    public Instant? ReviewedAt { get; set; }

    public string? ReviewedById { get; set; }

    public string? OfficerComment { get; set; }

    /// <summary>How many times it was submitted; a resubmission after a return adds one.</summary>
    public int SubmissionCount { get; set; }

    /// <summary>Interest the dedicated account earned on the grant (a final report's settlement sheet); returned with what is unspent.</summary>
    public Krw InterestEarned { get; set; }

    public int Version { get; set; }

    public List<SpendingLine> SpendingLines { get; } = [];

    /// <summary>The actual of each of the call's indicators (participants, events held, ...), explained when short of the target.</summary>
    public List<IndicatorActual> IndicatorActuals { get; } = [];

    public List<Attachment> Receipts { get; } = [];
}

/// <summary>Spending against one approved budget line.</summary>
public sealed class SpendingLine
{
    public int Id { get; private set; }

    public int ProjectReportId { get; set; }

    public int? BudgetLineId { get; set; }

    public BudgetCategory Category { get; set; }

    public string Item { get; set; } = "";

    public Krw Budgeted { get; set; }

    /// <summary>The grant's share of the spending on this line (보조금).</summary>
    public Krw Spent { get; set; }

    /// <summary>What the organization paid on this line from its own contribution (자부담), beside the grant.</summary>
    public Krw OwnSpent { get; set; }

    /// <summary>The part of <see cref="Spent"/> the officer found ineligible at settlement; it is not counted as grant spending.</summary>
    public Krw IneligibleGrant { get; set; }

    public string? IneligibleReason { get; set; }

    /// <summary>Required when spending differs from what was expected by more than 10% (see <see cref="SpendingBaseline"/>).</summary>
    public string? VarianceExplanation { get; set; }

    public Krw Variance => Spent - Budgeted;

    public bool NeedsExplanation => SpendingBaseline.NeedsExplanation(Budgeted, Spent);
}

internal sealed class ProjectReportConfiguration : IEntityTypeConfiguration<ProjectReport>
{
    public void Configure(EntityTypeBuilder<ProjectReport> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ActivitiesCarriedOut).HasMaxLength(8000);
        builder.Property(r => r.Outcomes).HasMaxLength(8000);
        builder.Property(r => r.EventsAndPublications).HasMaxLength(8000);
        builder.Property(r => r.Lessons).HasMaxLength(8000);
        builder.Property(r => r.OfficerComment).HasMaxLength(4000);
        builder.Property(r => r.ReviewedById).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasIndex(r => new { r.AwardId, r.Kind });
        builder.HasMany(r => r.SpendingLines).WithOne().HasForeignKey(l => l.ProjectReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Receipts).WithOne().HasForeignKey(a => a.ProjectReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpendingLineConfiguration : IEntityTypeConfiguration<SpendingLine>
{
    public void Configure(EntityTypeBuilder<SpendingLine> builder)
    {
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.Item).HasMaxLength(300);
        builder.Property(l => l.VarianceExplanation).HasMaxLength(2000);
        builder.Property(l => l.IneligibleReason).HasMaxLength(2000);
        // No cascade: the report already removes its receipts, and SQL Server refuses two cascade paths to one table.
        builder.HasMany<Attachment>().WithOne().HasForeignKey(a => a.SpendingLineId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<BudgetLine>().WithMany().HasForeignKey(l => l.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.Variance);
        builder.Ignore(l => l.NeedsExplanation);
    }
}

using GrantPortal.Core.Recommendations;

namespace GrantPortal.Core.Calls;

/// <summary>The kinds of project a call funds. A call allows several; an application picks one.</summary>
[Flags]
public enum ProjectCategories
{
    None = 0,
    CapacityBuilding = 1,
    CultureAndArts = 2,
    ResearchAndDocumentation = 4,
    ConferencesAndAdvocacy = 8,
    Other = 16,
    All = CapacityBuilding | CultureAndArts | ResearchAndDocumentation | ConferencesAndAdvocacy | Other,
}

/// <summary>Which project reports must carry receipts (증빙) before they can be submitted.</summary>
public enum ReceiptRequirement
{
    None,
    FinalReport,
    EveryReport,
}

public static class ReceiptRequirementExtensions
{
    /// <summary>Whether a report of this kind must carry at least one receipt.</summary>
    public static bool AppliesTo(this ReceiptRequirement requirement, Reporting.ReportKind kind) =>
        requirement == ReceiptRequirement.EveryReport || (requirement == ReceiptRequirement.FinalReport && kind == Reporting.ReportKind.Final);
}

/// <summary>A call for proposals inside a budget year.</summary>
public sealed class Call : IVersioned
{
    public int Id { get; private set; }

    public int BudgetYearId { get; set; }

    public BudgetYear? BudgetYear { get; set; }

    /// <summary>Short code used in receipt numbers, e.g. NKHR in 2026-NKHR-0042.</summary>
    public string Code { get; set; } = "";

    public string TitleEnglish { get; set; } = "";

    public string TitleKorean { get; set; } = "";

    public string DescriptionEnglish { get; set; } = "";

    public string DescriptionKorean { get; set; } = "";

    public ProjectCategories Categories { get; set; } = ProjectCategories.All;

    public Krw Envelope { get; set; }

    public Krw MinimumRequest { get; set; }

    public Krw MaximumRequest { get; set; }

    public Instant OpensAt { get; set; }

    public Instant ClosesAt { get; set; }

    /// <summary>
    /// Set for a two-stage call: concept notes are taken from <see cref="OpensAt"/> up to this moment, and full
    /// proposals only from invited organizations until <see cref="ClosesAt"/>. Null for a one-stage call.
    /// </summary>
    public Instant? ConceptNoteClosesAt { get; set; }

    public int ReviewersPerApplication { get; set; } = 3;

    public LocalDate ReviewDueOn { get; set; }

    /// <summary>Reviewers do not see who applied.</summary>
    public bool BlindReview { get; set; }

    /// <summary>Which reports of this call's awards need receipts; the award letter says the same.</summary>
    public ReceiptRequirement ReceiptsRequired { get; set; } = ReceiptRequirement.FinalReport;

    /// <summary>The conditions every grantee of this call accepts before the grant decision (교부 조건), in Korean.</summary>
    public string AwardConditionsKorean { get; set; } = "";

    public string AwardConditionsEnglish { get; set; } = "";

    public bool IsPublished { get; private set; }

    public Instant? PublishedAt { get; private set; }

    /// <summary>Set when the officer finalizes decisions: awards are fixed and the rest rejected.</summary>
    public Instant? FinalizedAt { get; private set; }

    public int Version { get; set; }

    public List<RubricCriterion> Criteria { get; } = [];

    public List<CallRecommendation> Recommendations { get; } = [];

    /// <summary>Screening questions and structural rules on who may apply.</summary>
    public EligibilityRules Eligibility { get; set; } = new();

    /// <summary>Allowed budget categories, caps and the minimum own contribution.</summary>
    public BudgetRules BudgetRules { get; set; } = new();

    /// <summary>What the call's projects measure; applicants set targets, reports give actuals.</summary>
    public List<CallIndicator> Indicators { get; } = [];

    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;

    public string Description(string language) => language == "en" ? DescriptionEnglish : DescriptionKorean;

    /// <summary>A call takes submissions from its opening moment up to and including its closing moment.</summary>
    public bool IsOpenAt(Instant now) => IsPublished && now >= OpensAt && now <= ClosesAt;

    public bool HasClosedAt(Instant now) => now > ClosesAt;

    public bool IsTwoStage => ConceptNoteClosesAt is not null;

    /// <summary>A two-stage call takes concept notes from its opening up to and including the concept-note deadline.</summary>
    public bool TakesConceptNotesAt(Instant now) => IsPublished && ConceptNoteClosesAt is { } deadline && now >= OpensAt && now <= deadline;

    public bool Allows(ProjectCategories category) => category != ProjectCategories.None && (Categories & category) == category;

    public bool IsWithinRequestLimits(Krw requested) => requested >= MinimumRequest && requested <= MaximumRequest;

    public void Publish(Instant at)
    {
        IsPublished = true;
        PublishedAt = at;
    }

    public void Unpublish() => IsPublished = false;

    public void Finalize(Instant at) => FinalizedAt = at;
}

public sealed class RubricCriterion
{
    public int Id { get; private set; }

    public int CallId { get; set; }

    public int Order { get; set; }

    public string NameEnglish { get; set; } = "";

    public string NameKorean { get; set; } = "";

    public string DescriptionEnglish { get; set; } = "";

    public string DescriptionKorean { get; set; } = "";

    /// <summary>Relative weight; the ranking divides by the sum of weights.</summary>
    public decimal Weight { get; set; } = 1m;

    public int ScaleMinimum { get; set; } = 1;

    public int ScaleMaximum { get; set; } = 5;

    public string Name(string language) => language == "en" ? NameEnglish : NameKorean;
}

/// <summary>A recommendation a call serves; its awards inherit it.</summary>
public sealed class CallRecommendation
{
    public int CallId { get; set; }

    public int RecommendationId { get; set; }

    public Recommendation? Recommendation { get; set; }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.Property(c => c.TitleEnglish).HasMaxLength(300);
        builder.Property(c => c.TitleKorean).HasMaxLength(300);
        builder.Property(c => c.DescriptionEnglish).HasMaxLength(8000);
        builder.Property(c => c.DescriptionKorean).HasMaxLength(8000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsTwoStage);
        builder.Property(c => c.ReceiptsRequired).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AwardConditionsKorean).HasMaxLength(CallForm.AwardConditionsLength);
        builder.Property(c => c.AwardConditionsEnglish).HasMaxLength(CallForm.AwardConditionsLength);
        builder.Property(c => c.Eligibility).HasJsonConversion();
        builder.Property(c => c.BudgetRules).HasJsonConversion();
        builder.HasIndex(c => new { c.IsPublished, c.ClosesAt });
        builder.HasMany(c => c.Criteria).WithOne().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Recommendations).WithOne().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> builder)
    {
        builder.Property(r => r.NameEnglish).HasMaxLength(200);
        builder.Property(r => r.NameKorean).HasMaxLength(200);
        builder.Property(r => r.DescriptionEnglish).HasMaxLength(2000);
        builder.Property(r => r.DescriptionKorean).HasMaxLength(2000);
        builder.Property(r => r.Weight).HasPrecision(9, 4);
    }
}

internal sealed class CallRecommendationConfiguration : IEntityTypeConfiguration<CallRecommendation>
{
    public void Configure(EntityTypeBuilder<CallRecommendation> builder)
    {
        builder.HasKey(r => new { r.CallId, r.RecommendationId });
        builder.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}

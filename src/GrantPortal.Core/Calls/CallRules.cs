namespace GrantPortal.Core.Calls;

/// <summary>
/// Who may apply to a call: screening questions asked before a draft is started, and structural rules the officer
/// switches on. Stored with the call as one value.
/// </summary>
public sealed record EligibilityRules
{
    public const int MaximumQuestions = 10;

    public IReadOnlyList<ScreeningQuestion> Questions { get; init; } = [];

    /// <summary>An organization may have only one application (draft or submitted) in this call.</summary>
    public bool OneApplicationPerOrganization { get; init; }

    /// <summary>At most this many awards per organization in the call's budget year, across all calls; null for no limit.</summary>
    public int? MaximumAwardsPerYear { get; init; }

    /// <summary>The organization was founded at least this many years before the call opens; null for no rule.</summary>
    public int? MinimumYearsSinceFounding { get; init; }
}

/// <summary>A yes/no or choice question whose <see cref="IneligibleAnswers"/> screen an organization out, with the reason it is told.</summary>
public sealed record ScreeningQuestion
{
    public string Key { get; init; } = "";

    /// <summary><see cref="Forms.QuestionType.YesNo"/> or <see cref="Forms.QuestionType.SingleChoice"/>.</summary>
    public Forms.QuestionType Type { get; init; } = Forms.QuestionType.YesNo;

    public string TextKorean { get; init; } = "";

    public string TextEnglish { get; init; } = "";

    public IReadOnlyList<Forms.Choice> Choices { get; init; } = [];

    /// <summary>Answers (choice keys, or "yes"/"no") that make the organization ineligible.</summary>
    public IReadOnlyList<string> IneligibleAnswers { get; init; } = [];

    public string ReasonKorean { get; init; } = "";

    public string ReasonEnglish { get; init; } = "";

    public string Text(string language) => language == Languages.English ? TextEnglish : TextKorean;

    public string Reason(string language) => language == Languages.English ? ReasonEnglish : ReasonKorean;
}

/// <summary>
/// How a call's applications may spend: which budget categories (비목) are allowed, a cap per category as a share of
/// the project total, and the minimum own contribution (자부담). The requested amount is the grant part only.
/// </summary>
public sealed record BudgetRules
{
    /// <summary>Allowed categories; empty means every category.</summary>
    public IReadOnlyList<BudgetCategory> AllowedCategories { get; init; } = [];

    public IReadOnlyList<CategoryCap> Caps { get; init; } = [];

    /// <summary>Own contribution as a minimum percentage of the project total (grant plus own contribution); null for none required.</summary>
    public decimal? MinimumOwnContributionPercent { get; init; }

    /// <summary>
    /// After the award, a move between two budget lines of at most this share of the smaller line is a notice that
    /// takes effect at once; a larger one waits for the officer (see <see cref="Awards.ChangeThreshold"/>).
    /// </summary>
    public decimal ChangeNoticePercent { get; init; } = 10m;

    /// <summary>At settlement, a spending line above this amount (grant and own contribution together) needs an evidence file; exactly at it does not.</summary>
    public Krw EvidenceThreshold { get; init; } = new(1_000_000);

    /// <summary>Awards of this amount or more need an external verifier's report (검증) before the settlement is confirmed.</summary>
    public Krw VerificationThreshold { get; init; } = new(100_000_000);

    public bool Allows(BudgetCategory category) => AllowedCategories.Count == 0 || AllowedCategories.Contains(category);
}

/// <summary>A category may take at most <see cref="MaximumPercent"/> of the project total.</summary>
public sealed record CategoryCap(BudgetCategory Category, decimal MaximumPercent);

/// <summary>A screening answer that kept an organization out: counted per question, with nothing about who answered.</summary>
public sealed class EligibilityScreenOut
{
    public int Id { get; private set; }

    public int CallId { get; set; }

    public string QuestionKey { get; set; } = "";

    public Instant At { get; set; }
}

internal sealed class EligibilityScreenOutConfiguration : IEntityTypeConfiguration<EligibilityScreenOut>
{
    public void Configure(EntityTypeBuilder<EligibilityScreenOut> builder)
    {
        builder.HasOne<Call>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.QuestionKey).HasMaxLength(64);
        builder.HasIndex(s => new { s.CallId, s.QuestionKey });
    }
}

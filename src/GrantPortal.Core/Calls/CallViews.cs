namespace GrantPortal.Core.Calls;

public sealed record PublishedCriterion(string NameKorean, string NameEnglish, decimal Weight, int ScaleMinimum, int ScaleMaximum)
{
    public string Name(string language) => language == "en" ? NameEnglish : NameKorean;
}

/// <summary>A published call as anyone may read it.</summary>
public sealed record PublishedCall(
    int Id,
    int Year,
    string Code,
    string TitleKorean,
    string TitleEnglish,
    string DescriptionKorean,
    string DescriptionEnglish,
    ProjectCategories Categories,
    Krw MinimumRequest,
    Krw MaximumRequest,
    Krw Envelope,
    Instant OpensAt,
    Instant ClosesAt,
    IReadOnlyList<string> CoiCodes,
    IReadOnlyList<PublishedCriterion> Criteria)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;

    public string Description(string language) => language == "en" ? DescriptionEnglish : DescriptionKorean;

    public bool IsOpenAt(Instant now) => now >= OpensAt && now <= ClosesAt;

    /// <summary>A two-stage call's concept-note deadline; null for a one-stage call.</summary>
    public Instant? ConceptNoteClosesAt { get; init; }

    public bool IsUpcomingAt(Instant now) => now < OpensAt;

    /// <summary>Allowed budget categories, caps and the minimum own contribution, shown before an organization registers.</summary>
    public BudgetRules BudgetRules { get; init; } = new();
}

/// <summary>One call in an officer's list of a year.</summary>
public sealed record CallSummary(
    int Id,
    string Code,
    string TitleKorean,
    string TitleEnglish,
    Krw Envelope,
    Instant OpensAt,
    Instant ClosesAt,
    bool IsPublished)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}

/// <summary>A budget year as an officer plans it: how much the calls take and what is left.</summary>
public sealed record CallYear(int Year, Krw Envelope, Krw Allocated, IReadOnlyList<CallSummary> Calls)
{
    public Krw Remaining => Envelope - Allocated;
}

/// <summary>A recommendation an officer can tie a call to.</summary>
public sealed record RecommendationOption(int Id, string Code, string ShortTitleKorean, string ShortTitleEnglish)
{
    public string ShortTitle(string language) => language == "en" ? ShortTitleEnglish : ShortTitleKorean;
}

/// <summary>A call opened for editing.</summary>
public sealed record EditableCall(int Id, bool IsPublished, Instant? PublishedAt, CallForm Form);

namespace GrantPortal.Core.Recommendations;

/// <summary>A catalogue entry as shown and edited.</summary>
public sealed record RecommendationEntry(
    int? Id,
    string Code,
    string SourceDocument,
    string Paragraph,
    string ShortTitleEnglish,
    string ShortTitleKorean,
    string TextEnglish,
    string TextKorean)
{
    public string ShortTitle(string language) => language == "en" ? ShortTitleEnglish : ShortTitleKorean;

    public string Text(string language) => language == "en" ? TextEnglish : TextKorean;
}

/// <summary>One thing wrong with an import file, on the line the person sees in their editor.</summary>
public sealed record ImportError(int Line, string Message);

/// <summary>What an import did: every row saved, or (on a failed result) none, and <see cref="RowErrors"/> says why.</summary>
public sealed record CatalogueImport(int Added, int Updated, IReadOnlyList<ImportError> RowErrors);

/// <summary>An award and the codes it serves, for the officer's refinement page.</summary>
public sealed record AwardMapping(int AwardId, int Year, string CallCode, string ProjectTitle, OrganizationName OrganizationName, Krw Amount, IReadOnlyList<string> Codes, IReadOnlyList<string> CallCodes, int Version);

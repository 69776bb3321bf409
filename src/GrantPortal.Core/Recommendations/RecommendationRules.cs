namespace GrantPortal.Core.Recommendations;

/// <summary>Who may change the catalogue and the award codes, and what a catalogue entry must hold, whether typed or imported.</summary>
internal static class RecommendationRules
{
    public static bool IsAdministrator(CurrentUser? user) => user is not null && user.IsIn(Roles.Administrator);

    public static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

    /// <summary>Every problem with the entry, by field; empty when it may be saved.</summary>
    public static List<FieldError> Validate(RecommendationEntry entry, IStringLocalizer<Strings> localizer)
    {
        var problems = new List<FieldError>();
        Require(entry.Code, 32, nameof(entry.Code));
        Require(entry.SourceDocument, 200, nameof(entry.SourceDocument));
        Require(entry.Paragraph, 64, nameof(entry.Paragraph));
        Require(entry.ShortTitleEnglish, 300, nameof(entry.ShortTitleEnglish));
        Require(entry.ShortTitleKorean, 300, nameof(entry.ShortTitleKorean));
        Require(entry.TextEnglish, 8000, nameof(entry.TextEnglish));
        Require(entry.TextKorean, 8000, nameof(entry.TextKorean));
        return problems;

        void Require(string value, int maximum, string field)
        {
            // Each field's label is its resource key: Recommendations_Code, Recommendations_SourceDocument, ...
            var label = localizer["Recommendations_" + field];
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new FieldError(field, localizer["Recommendations_Required", label]));
            }
            else if (value.Trim().Length > maximum)
            {
                problems.Add(new FieldError(field, localizer["Recommendations_TooLong", label, maximum]));
            }
        }
    }

    public static void Apply(Recommendation target, RecommendationEntry entry)
    {
        target.Code = entry.Code.Trim();
        target.SourceDocument = entry.SourceDocument.Trim();
        target.Paragraph = entry.Paragraph.Trim();
        target.ShortTitleEnglish = entry.ShortTitleEnglish.Trim();
        target.ShortTitleKorean = entry.ShortTitleKorean.Trim();
        target.TextEnglish = entry.TextEnglish.Trim();
        target.TextKorean = entry.TextKorean.Trim();
    }

    public static RecommendationEntry ToEntry(Recommendation r) =>
        new(r.Id, r.Code, r.SourceDocument, r.Paragraph, r.ShortTitleEnglish, r.ShortTitleKorean, r.TextEnglish, r.TextKorean);
}

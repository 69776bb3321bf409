using NodaTime;

namespace GrantPortal.Web.Features.Recommendations;

/// <summary>
/// Generates the answer to the UN for a recommendation and years, in English and Korean. The texts are plain
/// textareas inside ordinary forms, so the export posts exactly what the officer edited, with no round trip to lose.
/// </summary>
public sealed partial class AccountabilityPage
{
    private readonly Dictionary<string, string> headings = new(StringComparer.Ordinal) { ["en"] = "", ["ko"] = "" };
    private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal) { ["en"] = "", ["ko"] = "" };
    private readonly Dictionary<string, SavedNarrativeView?> saved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IUseCaseResult?> saveResults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> showingSaved = new(StringComparer.Ordinal);
    private IReadOnlyList<int>? years;
    private IReadOnlyList<RecommendationEntry> catalogue = [];
    private AccountabilityDraft? draft;
    private string code = CoiRecommendations.CivilSociety;
    private int fromYear;
    private int toYear;
    private bool generating;
    private string? error;

    [SupplyParameterFromQuery(Name = "year")]
    public int? Year { get; set; }

    protected override async Task OnInitializedAsync()
    {
        catalogue = User is null ? [] : await Recommendations.ListAsync(User, CancellationToken.None);
        years = await Figures.YearsAsync(CancellationToken.None);
        fromYear = toYear = RecommendationFigures.DefaultYear(years, Year, Seoul.Today(Clock).Year);
    }

    private async Task GenerateAsync()
    {
        if (User is null)
        {
            return;
        }

        generating = true;
        error = null;
        try
        {
            var (from, to) = fromYear <= toYear ? (fromYear, toYear) : (toYear, fromYear);
            draft = await Accountability.GenerateAsync(User, code, from, to, CancellationToken.None);
            if (draft is null)
            {
                error = L["Accountability_Unavailable"];
                return;
            }

            // What the officers saved for this code and years comes back first; the data writes the rest.
            var stored = await Narratives.FindAsync(User, draft.Code, from, to);
            foreach (var language in Languages.Supported)
            {
                var mine = stored.FirstOrDefault(n => n.Language == language);
                saved[language] = mine;
                showingSaved[language] = mine is not null;
                saveResults[language] = null;
                if (mine is null)
                {
                    Regenerate(language);
                }
                else
                {
                    headings[language] = mine.Heading;
                    texts[language] = mine.Text;
                }
            }
        }
        finally
        {
            generating = false;
        }
    }

    private void Regenerate(string language)
    {
        if (draft is null)
        {
            return;
        }

        headings[language] = Accountability.Heading(language, draft.Code, draft.FromYear, draft.ToYear);
        texts[language] = draft.Text(language);
        showingSaved[language] = false;
    }

    private async Task SaveAsync(string language)
    {
        if (User is null || draft is null)
        {
            return;
        }

        var result = await Saving.SaveAsync(User, draft.Code, draft.FromYear, draft.ToYear, language, headings[language], texts[language],
            saved.GetValueOrDefault(language)?.Version ?? 0);
        saveResults[language] = result;
        if (result.Value is { } narrative)
        {
            saved[language] = narrative;
            showingSaved[language] = false;
        }
    }
}

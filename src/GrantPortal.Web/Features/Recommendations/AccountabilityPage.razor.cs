using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
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
    private readonly Dictionary<string, string?> saveErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> showingSaved = new(StringComparer.Ordinal);
    private CurrentUser? user;
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

    [Inject]
    private AccountabilityService Accountability { get; set; } = default!;

    [Inject]
    private RecommendationService Recommendations { get; set; } = default!;

    [Inject]
    private NarrativeStore Narratives { get; set; } = default!;

    [Inject]
    private RecommendationFigures Figures { get; set; } = default!;

    [Inject]
    private IClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        catalogue = user is null ? [] : await Recommendations.ListAsync(user, CancellationToken.None);
        years = await Figures.YearsAsync(CancellationToken.None);
        var current = Seoul.Today(Clock).Year;
        var chosen = Year is { } y && years.Contains(y) ? y : years.Where(x => x < current).DefaultIfEmpty(current).First();
        fromYear = chosen;
        toYear = chosen;
    }

    private async Task GenerateAsync()
    {
        if (user is null)
        {
            return;
        }

        generating = true;
        error = null;
        try
        {
            var (from, to) = fromYear <= toYear ? (fromYear, toYear) : (toYear, fromYear);
            draft = await Accountability.GenerateAsync(user, code, from, to, CancellationToken.None);
            if (draft is null)
            {
                error = L["Accountability_Unavailable"];
                return;
            }

            // What the officers saved for this code and years comes back first; the data writes the rest.
            var stored = await Narratives.FindAsync(user, draft.Code, from, to);
            foreach (var language in new[] { "en", "ko" })
            {
                var mine = stored.FirstOrDefault(n => n.Language == language);
                saved[language] = mine;
                showingSaved[language] = mine is not null;
                saveErrors[language] = null;
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
        if (user is null || draft is null)
        {
            return;
        }

        var result = await Narratives.SaveAsync(user, draft.Code, draft.FromYear, draft.ToYear, language, headings[language], texts[language],
            saved.GetValueOrDefault(language)?.Version ?? 0);
        saveErrors[language] = result.Error;
        if (result.Narrative is { } narrative)
        {
            saved[language] = narrative;
            showingSaved[language] = false;
        }
    }
}

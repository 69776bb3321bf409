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

            foreach (var language in new[] { "en", "ko" })
            {
                headings[language] = Accountability.Heading(language, draft.Code, from, to);
                texts[language] = draft.Text(language);
            }
        }
        finally
        {
            generating = false;
        }
    }
}

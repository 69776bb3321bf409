using NodaTime;

namespace GrantPortal.Web.Features.Recommendations;

/// <summary>Per year and recommendation: money awarded and paid, organizations, projects, indicators, and the projects' outcomes.</summary>
public sealed partial class RecommendationsPage
{
    private IReadOnlyList<int>? years;
    private IReadOnlyList<RecommendationTotals> totals = [];
    private IReadOnlyList<IndicatorRollup> byCall = [];
    private IReadOnlyList<IndicatorRollup> byYear = [];
    private int year;
    private string? selected;

    [SupplyParameterFromQuery(Name = "year")]
    public int? Year { get; set; }

    private RecommendationTotals? Selected => totals.FirstOrDefault(t => t.Code == selected);

    protected override async Task OnInitializedAsync()
    {
        years = await Figures.YearsAsync(CancellationToken.None);
        if (years.Count > 0)
        {
            var all = await Figures.ProjectsAsync(years[^1], years[0], CancellationToken.None);
            byYear = RecommendationFigures.Rollup(all, p => p.Year.ToString(CultureInfo.InvariantCulture));
        }

        year = RecommendationFigures.DefaultYear(years, Year, Seoul.Today(Clock).Year);
        await LoadAsync();
    }

    private async Task ChangeYearAsync(int value)
    {
        year = value;
        selected = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        totals = await Figures.TotalsAsync(year, year, CancellationToken.None);
        var projects = await Figures.ProjectsAsync(year, year, CancellationToken.None);
        byCall = RecommendationFigures.Rollup(projects, p => p.CallCode);
    }

    private static string Number(long value) => value.ToString("#,0", CultureInfo.CurrentCulture);
}

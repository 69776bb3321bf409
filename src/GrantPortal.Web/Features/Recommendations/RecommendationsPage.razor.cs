using NodaTime;

namespace GrantPortal.Web.Features.Recommendations;

/// <summary>Per year and recommendation: money awarded and paid, organizations, projects, indicators, and the projects' outcomes.</summary>
public sealed partial class RecommendationsPage
{
    private IReadOnlyList<int>? years;
    private IReadOnlyList<RecommendationTotals> totals = [];
    private IReadOnlyList<IndicatorRollup> byCall = [];
    private IReadOnlyList<IndicatorRollup> byYear = [];
    private IReadOnlyList<FundedProject> all = [];
    private IReadOnlyList<IndicatorFigure> totalsColumns = [];
    private IReadOnlyList<IndicatorFigure> callColumns = [];
    private IReadOnlyList<IndicatorFigure> yearColumns = [];
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
            all = await Figures.ProjectsAsync(years[^1], years[0], CancellationToken.None);
            byYear = RecommendationFigures.Rollup(all, p => p.Year.ToString(CultureInfo.InvariantCulture));
            yearColumns = ColumnsOf(byYear.Select(r => r.Indicators));
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
        // Every year's projects are loaded once; a year is a filter of them, not three more loads.
        var projects = all.Where(p => p.Year == year).ToList();
        totals = await Figures.TotalsOfAsync(projects, CancellationToken.None);
        byCall = RecommendationFigures.Rollup(projects, p => p.CallCode);
        totalsColumns = ColumnsOf(totals.Select(t => t.Indicators));
        callColumns = ColumnsOf(byCall.Select(r => r.Indicators));
    }

    /// <summary>One column per indicator name and unit found in the rows, in the order they first appear.</summary>
    private static IReadOnlyList<IndicatorFigure> ColumnsOf(IEnumerable<ProjectIndicators> rows) => ProjectIndicators.Sum(rows).Figures;

    private static string Header(IndicatorFigure column) => $"{column.Name(Language)} ({column.Unit(Language)})";

    private static string Cell(ProjectIndicators indicators, IndicatorFigure column) => Number(indicators.Total(column.NameKorean, column.UnitKorean));

    private static string Number(long value) => value.ToString("#,0", CultureInfo.CurrentCulture);
}

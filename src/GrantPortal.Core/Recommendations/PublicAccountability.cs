namespace GrantPortal.Core.Recommendations;

/// <summary>A budget year as the public sees it: what was allocated, and what the published awards gave, paid and achieved.</summary>
public sealed record YearFigures(int Year, Krw Allocated, FundingSums Sums);

/// <summary>The public accountability page: every budget year for the chart, and one year's figures per recommendation.</summary>
public sealed record AccountabilityOverview(int Year, IReadOnlyList<YearFigures> Years, IReadOnlyList<RecommendationTotals> Recommendations)
{
    public YearFigures? Shown => Years.FirstOrDefault(y => y.Year == Year);

    /// <summary>The indicators reported in the shown year, in the order they first appear, one row each.</summary>
    public IReadOnlyList<IndicatorFigure> Indicators => ProjectIndicators.Sum(Recommendations.Select(r => r.Indicators)).Figures;
}

/// <summary>
/// What anyone may read without signing in, per budget year and COI recommendation. It counts exactly what the
/// open-data feeds and the accountability narrative count (<see cref="AwardScope.Published"/> awards, through
/// <see cref="RecommendationFigures"/>), so the page, the feeds and the answer to the UN cannot disagree.
/// </summary>
public sealed class PublicAccountability(RecommendationFigures figures, IClock clock)
{
    /// <summary>The overview opened on <paramref name="year"/> when it is a budget year, otherwise on the last finished year.</summary>
    public async Task<AccountabilityOverview> ForYearAsync(int? year, CancellationToken ct)
    {
        var years = await figures.YearsAsync(ct);
        var shown = RecommendationFigures.DefaultYear(years, year, Seoul.Today(clock).Year);
        if (years.Count == 0)
        {
            return new(shown, [], await figures.TotalsOfAsync([], ct));
        }

        // Every year's published projects are read once: the chart needs them all, the shown year is a filter.
        var projects = await figures.ProjectsAsync(years[^1], years[0], AwardScope.Published, ct);
        var allocations = await figures.AllocationsAsync(ct);
        var byYear = years
            .Order()
            .Select(y => new YearFigures(y, allocations.GetValueOrDefault(y), FundingSums.Of(projects.Where(p => p.Year == y).ToList())))
            .ToList();
        var recommendations = await figures.TotalsOfAsync(projects.Where(p => p.Year == shown).ToList(), ct);
        return new(shown, byYear, recommendations);
    }
}

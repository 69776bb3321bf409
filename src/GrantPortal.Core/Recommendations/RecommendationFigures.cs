namespace GrantPortal.Core.Recommendations;

/// <summary>One indicator's figure: an actual, or a sum of actuals of indicators with this name and unit.</summary>
public sealed record IndicatorFigure(string NameKorean, string NameEnglish, string UnitKorean, string UnitEnglish, long Value)
{
    public string Name(string language) => language == Languages.English ? NameEnglish : NameKorean;

    public string Unit(string language) => language == Languages.English ? UnitEnglish : UnitKorean;

    public (string Name, string Unit) Identity => IndicatorIdentity.Of(NameKorean, UnitKorean);
}

/// <summary>
/// What funded projects achieved, from their approved reports: figures of indicators that share a name and unit are
/// added, whichever call defined them, in the order they first appear.
/// </summary>
public sealed record ProjectIndicators(IReadOnlyList<IndicatorFigure> Figures)
{
    public static ProjectIndicators Zero { get; } = new([]);

    public bool IsZero => Figures.All(f => f.Value == 0);

    public ProjectIndicators Add(ProjectIndicators other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Sum([this, other]);
    }

    /// <summary>The sum of the indicator with this name and unit; zero when none has it.</summary>
    public long Total(string nameKorean, string unitKorean)
    {
        var identity = IndicatorIdentity.Of(nameKorean, unitKorean);
        return Figures.Where(f => f.Identity == identity).Sum(f => f.Value);
    }

    public static ProjectIndicators Sum(IEnumerable<ProjectIndicators> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var totals = new List<IndicatorFigure>();
        foreach (var figure in items.SelectMany(i => i.Figures))
        {
            var index = totals.FindIndex(t => t.Identity == figure.Identity);
            if (index < 0)
            {
                totals.Add(figure);
            }
            else
            {
                totals[index] = totals[index] with { Value = checked(totals[index].Value + figure.Value) };
            }
        }

        return new(totals);
    }
}

/// <summary>One funded project as the public and the ministry's reports see it: no contact details, no people.</summary>
public sealed record FundedProject(
    int AwardId,
    int Year,
    int CallId,
    string CallCode,
    string CallTitleEnglish,
    string CallTitleKorean,
    string? ReceiptNumber,
    string ProjectTitle,
    string Summary,
    ProjectCategories Category,
    int OrganizationId,
    string OrganizationName,
    string OrganizationNameKorean,
    string RegistrationNumber,
    Krw Awarded,
    Krw Disbursed,
    Instant AwardedAt,
    LocalDate? StartDate,
    LocalDate? EndDate,
    IReadOnlyList<string> Codes,
    ProjectIndicators Indicators,
    string? Outcomes)
{
    public string OrganizationDisplayName(string language) => new OrganizationName(OrganizationNameKorean, OrganizationName).In(language);
}

/// <summary>A recommendation's money and results over a span of budget years.</summary>
public sealed record RecommendationTotals(
    string Code,
    string ShortTitleEnglish,
    string ShortTitleKorean,
    Krw Awarded,
    Krw Disbursed,
    int Organizations,
    int Projects,
    ProjectIndicators Indicators,
    IReadOnlyList<FundedProject> ProjectList)
{
    public string ShortTitle(string language) => language == "en" ? ShortTitleEnglish : ShortTitleKorean;
}

/// <summary>Which awards the figures count.</summary>
public enum AwardScope
{
    /// <summary>Every award that still holds money: what the ministry's own pages show while decisions are made.</summary>
    Committed,

    /// <summary>
    /// Only awards of finalized calls: until the officer finalizes, an award can still change or go, and the
    /// organizations have not been told, so the public must not learn of it first.
    /// </summary>
    Published,
}

/// <summary>
/// Money, organizations, projects and results of a set of funded projects: the one sum behind a recommendation's
/// totals, a year's totals on the public accountability page, the feeds and the narrative.
/// </summary>
public sealed record FundingSums(Krw Awarded, Krw Disbursed, int Organizations, int Projects, ProjectIndicators Indicators)
{
    public static FundingSums Of(IReadOnlyCollection<FundedProject> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return new(
            Krw.Sum(projects.Select(p => p.Awarded)),
            Krw.Sum(projects.Select(p => p.Disbursed)),
            projects.Select(p => p.OrganizationId).Distinct().Count(),
            projects.Count,
            ProjectIndicators.Sum(projects.Select(p => p.Indicators)));
    }
}

/// <summary>Indicators and money rolled up under one key (a call, a year).</summary>
public sealed record IndicatorRollup(string Key, int Projects, Krw Awarded, Krw Disbursed, ProjectIndicators Indicators);

/// <summary>
/// The numbers the ministry answers the UN with and publishes as open data: awards per budget year (the call's
/// year), money actually paid, and the indicators of approved reports. Everything here is public by design
/// (the open-data feeds serve it without sign-in), so no caller check: nothing personal is ever read.
/// </summary>
public sealed class RecommendationFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Every award that still holds money, in budget years <paramref name="fromYear"/>..<paramref name="toYear"/>.</summary>
    public Task<IReadOnlyList<FundedProject>> ProjectsAsync(int fromYear, int toYear, CancellationToken ct) =>
        ProjectsAsync(fromYear, toYear, AwardScope.Committed, ct);

    /// <summary>The awards of <paramref name="scope"/> that still hold money, in budget years <paramref name="fromYear"/>..<paramref name="toYear"/>.</summary>
    public async Task<IReadOnlyList<FundedProject>> ProjectsAsync(int fromYear, int toYear, AwardScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inYears = db.Calls.Where(c => c.BudgetYear!.Year >= fromYear && c.BudgetYear.Year <= toYear);
        if (scope == AwardScope.Published)
        {
            inYears = inYears.Where(c => c.FinalizedAt != null);
        }

        var awards = db.Awards.AsNoTracking()
            .Where(a => a.Status != AwardStatus.Cancelled)
            .Where(a => inYears.Any(c => c.Id == a.CallId));

        var rows = await awards
            .Select(a => new
            {
                a.Id,
                a.Amount,
                a.AwardedAt,
                a.OrganizationId,
                a.CallId,
                a.Application!.ReceiptNumber,
                a.Application.ProjectTitle,
                a.Application.Summary,
                a.Application.Category,
                a.Application.StartDate,
                a.Application.EndDate,
                a.Application.Organization!.Name,
                a.Application.Organization.NameKorean,
                a.Application.Organization.RegistrationNumber,
            })
            .ToListAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.BudgetYear!.Year >= fromYear && c.BudgetYear.Year <= toYear)
            .Select(c => new { c.Id, c.Code, c.TitleEnglish, c.TitleKorean, c.BudgetYear!.Year })
            .ToDictionaryAsync(c => c.Id, ct);
        var codes = (await db.AwardRecommendations.AsNoTracking()
                .Where(r => awards.Select(a => a.Id).Contains(r.AwardId))
                .Select(r => new { r.AwardId, r.Recommendation!.Code })
                .ToListAsync(ct))
            .ToLookup(r => r.AwardId, r => r.Code);
        var paid = await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Paid && awards.Select(a => a.Id).Contains(p.AwardId))
            .GroupBy(p => p.AwardId)
            .Select(g => new { AwardId = g.Key, Won = g.Sum(p => (long)p.Amount) })
            .ToDictionaryAsync(p => p.AwardId, p => p.Won, ct);
        var approved = db.ProjectReports.AsNoTracking().Where(r => r.Status == ReportStatus.Approved && awards.Select(a => a.Id).Contains(r.AwardId));
        var reports = (await approved
                .Select(r => new { r.Id, r.AwardId, r.Kind, r.ReviewedAt, r.Outcomes })
                .ToListAsync(ct))
            .ToLookup(r => r.AwardId);
        var actuals = (await db.IndicatorActuals.AsNoTracking()
                .Where(x => approved.Select(r => r.Id).Contains(x.ProjectReportId))
                .Join(db.CallIndicators, x => x.CallIndicatorId, i => i.Id, (x, i) => new { x.ProjectReportId, i.Order, i.NameKorean, i.NameEnglish, i.UnitKorean, i.UnitEnglish, x.Actual })
                .ToListAsync(ct))
            .ToLookup(x => x.ProjectReportId);

        return rows.Select(a =>
            {
                var call = calls[a.CallId];

                // A final report counts the whole project; without one, the latest approved interim report is the best known figure.
                var report = reports[a.Id].OrderByDescending(r => r.Kind == ReportKind.Final).ThenByDescending(r => r.ReviewedAt).FirstOrDefault();
                var indicators = report is null
                    ? ProjectIndicators.Zero
                    : ProjectIndicators.Sum([new ProjectIndicators(actuals[report.Id].OrderBy(x => x.Order)
                        .Select(x => new IndicatorFigure(x.NameKorean, x.NameEnglish, x.UnitKorean, x.UnitEnglish, x.Actual)).ToList())]);
                return new FundedProject(
                    a.Id,
                    call.Year,
                    a.CallId,
                    call.Code,
                    call.TitleEnglish,
                    call.TitleKorean,
                    a.ReceiptNumber,
                    a.ProjectTitle,
                    a.Summary,
                    a.Category,
                    a.OrganizationId,
                    a.Name,
                    a.NameKorean,
                    a.RegistrationNumber,
                    a.Amount,
                    new Krw(paid.GetValueOrDefault(a.Id)),
                    a.AwardedAt,
                    a.StartDate,
                    a.EndDate,
                    codes[a.Id].Order(StringComparer.Ordinal).ToList(),
                    indicators,
                    string.IsNullOrWhiteSpace(report?.Outcomes) ? null : report.Outcomes);
            })
            .OrderBy(p => p.Year)
            .ThenBy(p => p.ReceiptNumber, StringComparer.Ordinal)
            .ThenBy(p => p.AwardId)
            .ToList();
    }

    /// <summary>Every catalogue code with its totals over the years, including codes no award served yet.</summary>
    public Task<IReadOnlyList<RecommendationTotals>> TotalsAsync(int fromYear, int toYear, CancellationToken ct) =>
        TotalsAsync(fromYear, toYear, AwardScope.Committed, ct);

    /// <summary>Every catalogue code with the totals of the awards of <paramref name="scope"/> over the years.</summary>
    public async Task<IReadOnlyList<RecommendationTotals>> TotalsAsync(int fromYear, int toYear, AwardScope scope, CancellationToken ct)
    {
        var projects = await ProjectsAsync(fromYear, toYear, scope, ct);
        return await TotalsOfAsync(projects, ct);
    }

    /// <summary>
    /// Every catalogue code with the totals of <paramref name="projects"/> already loaded (one query, for the
    /// catalogue): a page that has the projects does not load them again.
    /// </summary>
    public async Task<IReadOnlyList<RecommendationTotals>> TotalsOfAsync(IReadOnlyList<FundedProject> projects, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var catalogue = await db.Recommendations.AsNoTracking().ToListAsync(ct);
        return catalogue
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => Total(r.Code, r.ShortTitleEnglish, r.ShortTitleKorean, projects.Where(p => p.Codes.Contains(r.Code, StringComparer.Ordinal)).ToList()))
            .ToList();
    }

    /// <summary>One code's totals; null when the catalogue has no such code.</summary>
    public Task<RecommendationTotals?> ForCodeAsync(string code, int fromYear, int toYear, CancellationToken ct) =>
        ForCodeAsync(code, fromYear, toYear, AwardScope.Committed, ct);

    /// <summary>One code's totals over the awards of <paramref name="scope"/>; null when the catalogue has no such code.</summary>
    public async Task<RecommendationTotals?> ForCodeAsync(string code, int fromYear, int toYear, AwardScope scope, CancellationToken ct)
    {
        var totals = await TotalsAsync(fromYear, toYear, scope, ct);
        return totals.SingleOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
    }

    /// <summary>The catalogue's English short titles by code, as open data names the codes.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TitlesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Recommendations.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.ShortTitleEnglish, StringComparer.Ordinal, ct);
    }

    /// <summary>The budget years that have calls, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.AsNoTracking().OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
    }

    /// <summary>Each budget year's envelope (what was allocated), by year; public, as the budget law is.</summary>
    public async Task<IReadOnlyDictionary<int, Krw>> AllocationsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.AsNoTracking().ToDictionaryAsync(y => y.Year, y => y.Envelope, ct);
    }

    /// <summary>
    /// The year a page opens on: the one asked for when it has calls; otherwise the last finished year, which is what
    /// a government reports on (the current one is still being spent); otherwise the newest.
    /// </summary>
    public static int DefaultYear(IReadOnlyList<int> years, int? asked, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(years);
        return asked is { } year && years.Contains(year)
            ? year
            : years.Where(y => y < currentYear).DefaultIfEmpty(years.Count > 0 ? years[0] : currentYear).First();
    }

    public static IReadOnlyList<IndicatorRollup> Rollup(IEnumerable<FundedProject> projects, Func<FundedProject, string> key) =>
        projects.GroupBy(key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new IndicatorRollup(
                g.Key,
                g.Count(),
                Krw.Sum(g.Select(p => p.Awarded)),
                Krw.Sum(g.Select(p => p.Disbursed)),
                ProjectIndicators.Sum(g.Select(p => p.Indicators))))
            .ToList();

    private static RecommendationTotals Total(string code, string titleEnglish, string titleKorean, List<FundedProject> projects)
    {
        var sums = FundingSums.Of(projects);
        return new(code, titleEnglish, titleKorean, sums.Awarded, sums.Disbursed, sums.Organizations, sums.Projects, sums.Indicators, projects);
    }
}

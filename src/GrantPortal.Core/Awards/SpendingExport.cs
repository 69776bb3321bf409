namespace GrantPortal.Core.Awards;

/// <summary>
/// A year's money by budget category for every grant, as CSV or Excel: one row per award and category with the
/// approved budget and the spending reported, each split into grant (보조금) and own contribution (자부담), so a
/// ministry can carry it over to the national subsidy system. Columns: docs/exports.md.
/// </summary>
public sealed class SpendingExport(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    private static readonly string[] Columns =
    [
        "Year", "AwardId", "Receipt", "Call", "Organization", "Organization (Korean)", "Project", "AwardStatus", "Category", "Category (Korean)",
        "Budget grant (KRW)", "Budget own contribution (KRW)", "Spent grant (KRW)", "Spent own contribution (KRW)", "Grant unspent (KRW)",
        "SpendingReport", "ReportStatus", "ReportSubmittedAt (KST)",
    ];

    /// <summary>Program officers and finance, who answer for the grants' money; administrators run the portal, not the grants.</summary>
    public static bool MayExport(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AwardRules.IsOfficerOrFinance(user);
    }

    /// <summary>Every award of the year, cancelled ones included, by category. False (nothing written) for anyone but officers and finance.</summary>
    public async Task<bool> ExportAsync(CurrentUser user, int year, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!MayExport(user))
        {
            return false;
        }

        // A year has hundreds of awards, not tens of thousands: three reads, then the rows are put together in memory.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awards = await db.Awards.AsNoTracking()
            .Where(a => a.Application!.Call!.BudgetYear!.Year == year)
            .OrderBy(a => a.Id)
            .Select(a => new SpendingAward(
                a.Id, a.ApplicationId, a.Application!.ReceiptNumber, a.Application.Call!.Code, new OrganizationName(a.Application.Organization!.NameKorean, a.Application.Organization.Name),
                a.Application.ProjectTitle, a.Status, a.Amount))
            .ToListAsync(ct);
        var budgetLines = (await db.BudgetLines.AsNoTracking()
                .Where(l => db.Awards.Any(a => a.ApplicationId == l.ApplicationId && a.Application!.Call!.BudgetYear!.Year == year))
                .ToListAsync(ct))
            .OrderBy(l => l.Order).ThenBy(l => l.Id)
            .ToLookup(l => l.ApplicationId);
        // Reports are cumulative (an interim report accounts for spending to its period end), so the latest report the
        // grantee submitted carries the spending to date: a final one before any interim, then the latest due.
        var reports = (await db.ProjectReports.AsNoTracking()
                .Include(r => r.SpendingLines)
                .Where(r => (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved)
                    && db.Awards.Any(a => a.Id == r.AwardId && a.Application!.Call!.BudgetYear!.Year == year))
                .ToListAsync(ct))
            .GroupBy(r => r.AwardId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Kind == ReportKind.Final).ThenByDescending(r => r.DueOn).ThenByDescending(r => r.Id).First());

        // The budget compared with is the version in force: an approved move between categories shows where the money went.
        var inForce = await BudgetVersions.StoredInForceAsync(db, awards.Select(a => a.Id).ToList(), awards.ToDictionary(a => a.Id, a => a.Amount), ct);

        var categoryNames = Languages.InLanguage(Languages.Korean, () =>
            Enum.GetValues<BudgetCategory>().ToDictionary(c => c, c => localizer["BudgetCategory_" + c].Value));
        var rows = awards.SelectMany(a => Rows(a, budgetLines[a.ApplicationId].ToList(), inForce.GetValueOrDefault(a.Id), reports.GetValueOrDefault(a.Id), year, categoryNames)).ToList();
        await TableExport.WriteAsync(format, "Spending " + year.ToString(CultureInfo.InvariantCulture), Columns, rows.ToAsyncEnumerable(), output, ct);
        return true;
    }

    private static IEnumerable<ExportCell[]> Rows(
        SpendingAward award, List<BudgetLine> lines, ProjectPlan? inForce, ProjectReport? report, int year, Dictionary<BudgetCategory, string> categoryNames)
    {
        var figures = SpendingByCategory.For(award.Amount, lines, report?.SpendingLines ?? [], inForce);
        foreach (var (category, f) in figures)
        {
            yield return
            [
                year, award.Id, award.ReceiptNumber ?? "", award.CallCode, award.Organization.In(Languages.English), award.Organization.Korean, award.ProjectTitle,
                award.Status.ToString(), category?.ToString() ?? "", category is { } c ? categoryNames[c] : "",
                f.BudgetGrant.Won, f.BudgetOwn.Won, f.SpentGrant.Won, f.SpentOwn.Won, (f.BudgetGrant - f.SpentGrant).Won,
                report?.Kind.ToString() ?? "", report?.Status.ToString() ?? "", report?.SubmittedAt is { } submitted ? Seoul.Format(submitted) : "",
            ];
        }
    }

    private sealed record SpendingAward(
        int Id, int ApplicationId, string? ReceiptNumber, string CallCode, OrganizationName Organization, string ProjectTitle, AwardStatus Status, Krw Amount);
}

/// <summary>One award's approved budget and reported spending in one category, each as grant and own contribution.</summary>
public sealed record CategoryFigures(Krw BudgetGrant, Krw BudgetOwn, Krw SpentGrant, Krw SpentOwn);

/// <summary>How an award's budget lines and a report's spending lines add up per category.</summary>
public static class SpendingByCategory
{
    /// <summary>
    /// The approved grant budget is the version in force (<paramref name="inForce"/>, after approved changes), or else the
    /// application's grant lines scaled to the award (<see cref="ApprovedBudget.Scale"/>, so the categories add up to the
    /// award exactly); the own contribution is the application's own-contribution lines as planned. Spending on a line
    /// is grant (보조금) but for what the settlement sheet reports as own contribution (자부담) beside it; spending held
    /// against an own-contribution line is own contribution all of it.
    /// Categories in the order of <see cref="BudgetCategory"/>; an award without any line gets one row without a category.
    /// </summary>
    public static IReadOnlyList<(BudgetCategory? Category, CategoryFigures Figures)> For(
        Krw awarded, IReadOnlyList<BudgetLine> lines, IReadOnlyList<SpendingLine> spending, ProjectPlan? inForce = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(spending);
        var grantLines = lines.Where(l => !l.IsOwnContribution).ToList();
        var ownLineIds = lines.Where(l => l.IsOwnContribution).Select(l => l.Id).ToHashSet();
        var budgetGrant = inForce is null
            ? ApprovedBudget.Scale(grantLines, awarded).ToLookup(l => l.Category, l => l.Budgeted)
            : inForce.Lines.ToLookup(l => l.Category, l => l.Amount);
        var budgetOwn = lines.Where(l => l.IsOwnContribution).ToLookup(l => l.Category, l => l.Amount);
        bool OnOwnLine(SpendingLine s) => s.BudgetLineId is { } id && ownLineIds.Contains(id);
        var spentOwn = spending.ToLookup(s => s.Category, s => OnOwnLine(s) ? s.Spent + s.OwnSpent : s.OwnSpent);
        var spentGrant = spending.Where(s => !OnOwnLine(s)).ToLookup(s => s.Category, s => s.Spent);
        var categories = Enum.GetValues<BudgetCategory>()
            .Where(c => budgetGrant.Contains(c) || budgetOwn.Contains(c) || spentGrant.Contains(c) || spentOwn.Contains(c))
            .ToList();
        if (categories.Count == 0)
        {
            return [(null, new CategoryFigures(awarded, Krw.Zero, Krw.Zero, Krw.Zero))];
        }

        return categories
            .Select(c => ((BudgetCategory?)c, new CategoryFigures(Krw.Sum(budgetGrant[c]), Krw.Sum(budgetOwn[c]), Krw.Sum(spentGrant[c]), Krw.Sum(spentOwn[c]))))
            .ToList();
    }
}

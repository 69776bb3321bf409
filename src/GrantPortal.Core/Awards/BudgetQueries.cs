namespace GrantPortal.Core.Awards;

public sealed record BudgetCallLine(int CallId, string Code, string TitleKorean, string TitleEnglish, Krw Envelope, Krw Committed, Krw Disbursed, int Awards)
{
    public Krw Remaining => Envelope - Committed;

    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}

public sealed record BudgetOrganizationLine(int OrganizationId, string Name, int Projects, Krw Committed, Krw Disbursed);

/// <summary>One award of a budget year, as finance and officers look it up.</summary>
public sealed record BudgetAwardLine(int AwardId, string? ReceiptNumber, string OrganizationName, string ProjectTitle, string CallCode, Krw Amount, Krw Paid, AwardStatus Status);

/// <summary>A page of a year's awards; <see cref="CanOpen"/> says whether the reader may open each award's page.</summary>
public sealed record BudgetAwardPage(IReadOnlyList<BudgetAwardLine> Rows, int Total, bool CanOpen);

/// <summary>Cumulative commitment and disbursement at the end of one month (yyyy-MM).</summary>
public sealed record BudgetMonth(string Month, Krw Committed, Krw Disbursed);

/// <summary>A budget year as finance and officers report it.</summary>
public sealed record BudgetOverview(
    int Year,
    Krw Envelope,
    Krw Allocated,
    Krw Committed,
    Krw Disbursed,
    Krw Returned,
    int Organizations,
    int Projects,
    IReadOnlyList<BudgetCallLine> Calls,
    IReadOnlyList<BudgetOrganizationLine> ByOrganization,
    IReadOnlyList<BudgetMonth> Timeline)
{
    /// <summary>Projects whose settlement (정산) is confirmed and which are closed; their returns are in <see cref="Returned"/>, beside the awarded total, never taken from it.</summary>
    public int ClosedProjects { get; init; }

    /// <summary>What the year can still commit.</summary>
    public Krw Remaining => Envelope - Committed;

    /// <summary>Committed money not yet paid out.</summary>
    public Krw Outstanding => Committed - Disbursed;
}

/// <summary>
/// The money of a budget year: envelope, allocated to calls, committed by awards, paid, and what remains; per call,
/// per organization and over time. Officers, finance and administrators only.
/// </summary>
public sealed class BudgetQueries(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>Who reads a year's money (its pages and its exports): officers, finance and administrators.</summary>
    public static bool MaySee(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsIn(Roles.ProgramOfficer) || user.IsIn(Roles.Finance) || user.IsIn(Roles.Administrator);
    }

    public async Task<IReadOnlyList<int>> ListYearsAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (!MaySee(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
    }

    /// <summary>The year that a page opens on: the current one when it has a budget, else the newest.</summary>
    public int DefaultYear(IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var current = Seoul.Today(clock).Year;
        return years.Contains(current) ? current : years.Count > 0 ? years[0] : current;
    }

    public async Task<BudgetOverview?> OverviewAsync(CurrentUser user, int year, CancellationToken ct = default)
    {
        if (!MaySee(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var budget = await db.BudgetYears.AsNoTracking().Where(y => y.Year == year).Select(y => new { y.Id, y.Envelope }).SingleOrDefaultAsync(ct);
        if (budget is null)
        {
            return null;
        }

        // Each figure is one grouped query, so a year with thousands of awards costs a handful of commands: the awards
        // and the paid payments are each summed once per (call, organization), and both views are folded from that.
        var calls = await db.Calls.AsNoTracking().Where(c => c.BudgetYearId == budget.Id)
            .Select(c => new { c.Id, c.Code, c.TitleKorean, c.TitleEnglish, c.Envelope }).ToListAsync(ct);
        var yearAwards = db.Awards.AsNoTracking().Where(a => a.Status != AwardStatus.Cancelled && db.Calls.Any(c => c.Id == a.CallId && c.BudgetYearId == budget.Id));
        var yearPaid = from p in db.Payments.AsNoTracking()
                       join a in yearAwards on p.AwardId equals a.Id
                       where p.Status == PaymentStatus.Paid
                       select new { p.Amount, p.PaidOn, a.CallId, a.OrganizationId };

        var awardSums = await yearAwards.GroupBy(a => new { a.CallId, a.OrganizationId })
            .Select(g => new { g.Key.CallId, g.Key.OrganizationId, Sum = g.Sum(a => (long)a.Amount), Count = g.Count(), Returned = g.Sum(a => (long)a.ReturnedAmount), Closed = g.Count(a => a.ClosedOn != null) })
            .ToListAsync(ct);
        var paidSums = await yearPaid.GroupBy(p => new { p.CallId, p.OrganizationId })
            .Select(g => new { g.Key.CallId, g.Key.OrganizationId, Sum = g.Sum(p => (long)p.Amount) })
            .ToListAsync(ct);
        var committedByCall = awardSums.GroupBy(c => c.CallId).ToDictionary(
            g => g.Key,
            g => new { Sum = g.Sum(c => c.Sum), Count = g.Sum(c => c.Count), Returned = g.Sum(c => c.Returned), Closed = g.Sum(c => c.Closed) });
        var paidByCall = paidSums.GroupBy(p => p.CallId).ToDictionary(g => g.Key, g => g.Sum(p => p.Sum));
        var committedByOrganization = awardSums.GroupBy(c => c.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Sum = g.Sum(c => c.Sum), Count = g.Sum(c => c.Count) })
            .ToList();
        var paidByOrganization = paidSums.GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.Sum(p => p.Sum));
        var organizationIds = committedByOrganization.Select(o => o.OrganizationId).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganizationName(o.NameKorean, o.Name).ToString(), ct);
        var awardMoments = await yearAwards.Select(a => new { a.AwardedAt, a.Amount }).ToListAsync(ct);
        var paidDays = await yearPaid.GroupBy(p => p.PaidOn).Select(g => new { Day = g.Key, Sum = g.Sum(p => (long)p.Amount) }).ToListAsync(ct);

        var callLines = calls.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new BudgetCallLine(
                c.Id, c.Code, c.TitleKorean, c.TitleEnglish, c.Envelope,
                new Krw(committedByCall.TryGetValue(c.Id, out var committed) ? committed.Sum : 0),
                new Krw(paidByCall.GetValueOrDefault(c.Id)),
                committedByCall.TryGetValue(c.Id, out var counted) ? counted.Count : 0))
            .ToList();
        var organizationLines = committedByOrganization
            .Select(o => new BudgetOrganizationLine(o.OrganizationId, names.GetValueOrDefault(o.OrganizationId, ""), o.Count, new Krw(o.Sum), new Krw(paidByOrganization.GetValueOrDefault(o.OrganizationId))))
            .OrderByDescending(o => o.Committed)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

        var timeline = Timeline(
            awardMoments.Select(a => (Seoul.ToLocal(a.AwardedAt).Date, a.Amount)),
            paidDays.Where(p => p.Day is not null).Select(p => (p.Day!.Value, new Krw(p.Sum))));
        return new BudgetOverview(
            year,
            budget.Envelope,
            Krw.Sum(calls.Select(c => c.Envelope)),
            Krw.Sum(callLines.Select(c => c.Committed)),
            Krw.Sum(callLines.Select(c => c.Disbursed)),
            new Krw(committedByCall.Values.Sum(c => c.Returned)),
            organizationLines.Count,
            callLines.Sum(c => c.Awards),
            callLines,
            organizationLines,
            timeline)
        {
            ClosedProjects = committedByCall.Values.Sum(c => c.Closed),
        };
    }

    /// <summary>The year's awards by receipt number, a page at a time, with what has been paid on each.</summary>
    public async Task<BudgetAwardPage?> AwardsAsync(CurrentUser user, int year, int page, int pageSize, CancellationToken ct = default)
    {
        if (!MaySee(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awards = db.Awards.AsNoTracking().Where(a => a.Application!.Call!.BudgetYear!.Year == year);
        var total = await awards.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, 100);
        var korean = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en";
        var rows = await awards
            .OrderBy(a => a.Application!.ReceiptNumber).ThenBy(a => a.Id)
            .Skip(Math.Max(0, page) * size)
            .Take(size)
            .Select(a => new
            {
                a.Id,
                a.Application!.ReceiptNumber,
                a.Application.Organization!.Name,
                a.Application.Organization.NameKorean,
                a.Application.ProjectTitle,
                a.Application.Call!.Code,
                a.Amount,
                Paid = db.Payments.Where(p => p.AwardId == a.Id && p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                a.Status,
            })
            .ToListAsync(ct);
        var lines = rows.Select(a => new BudgetAwardLine(
                a.Id, a.ReceiptNumber, korean && !string.IsNullOrWhiteSpace(a.NameKorean) ? a.NameKorean : a.Name, a.ProjectTitle, a.Code, a.Amount, new Krw(a.Paid), a.Status))
            .ToList();
        return new BudgetAwardPage(lines, total, AwardDetailsQuery.MayReadEveryAward(user));
    }

    /// <summary>Running totals per month from the first month with money to the last.</summary>
    internal static IReadOnlyList<BudgetMonth> Timeline(IEnumerable<(LocalDate Day, Krw Amount)> commitments, IEnumerable<(LocalDate Day, Krw Amount)> payments)
    {
        static YearMonth MonthOf(LocalDate day) => new(day.Year, day.Month);
        var committed = commitments.GroupBy(c => MonthOf(c.Day)).ToDictionary(g => g.Key, g => Krw.Sum(g.Select(c => c.Amount)));
        var paid = payments.GroupBy(p => MonthOf(p.Day)).ToDictionary(g => g.Key, g => Krw.Sum(g.Select(p => p.Amount)));
        var months = committed.Keys.Concat(paid.Keys).ToList();
        if (months.Count == 0)
        {
            return [];
        }

        var first = months.Min();
        var last = months.Max();
        var result = new List<BudgetMonth>();
        var runningCommitted = Krw.Zero;
        var runningPaid = Krw.Zero;
        for (var month = first; month <= last; month = month.PlusMonths(1))
        {
            runningCommitted += committed.GetValueOrDefault(month);
            runningPaid += paid.GetValueOrDefault(month);
            result.Add(new BudgetMonth(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), runningCommitted, runningPaid));
        }

        return result;
    }
}

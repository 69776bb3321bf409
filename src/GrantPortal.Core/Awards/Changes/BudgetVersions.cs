namespace GrantPortal.Core.Awards;

/// <summary>
/// Reading and adding versions of an award's plan. Version 1 is the plan as awarded: the application's grant lines
/// scaled to the award amount (<see cref="ApprovedBudget.Scale"/>: a reduced award reduces every line in
/// proportion, in whole 10,000 won, the last line taking the remainder) and the application's period. It is derived
/// until the first change stores it beside version 2, so awards made before versions existed need no data copied.
/// </summary>
internal static class BudgetVersions
{
    public static async Task<ProjectPlan> AsAwardedAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId)
            .Select(a => new { a.Amount, a.ApplicationId, a.AwardedAt, a.Application!.StartDate, a.Application.EndDate })
            .SingleAsync(ct);
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.ApplicationId == award.ApplicationId && !l.IsOwnContribution).OrderBy(l => l.Order).ToListAsync(ct);
        return AsAwarded(award.Amount, award.AwardedAt, award.StartDate, award.EndDate, lines);
    }

    /// <summary>The plan as awarded, from an award read with its application's budget lines.</summary>
    public static ProjectPlan AsAwarded(Award award) =>
        AsAwarded(award.Amount, award.AwardedAt, award.Application!.StartDate, award.Application.EndDate,
            award.Application.BudgetLines.Where(l => !l.IsOwnContribution).OrderBy(l => l.Order).ToList());

    /// <summary>
    /// Every version, oldest first (only the derived version 1 while nothing has changed), from the stored ones and the
    /// award read with its application's budget lines.
    /// </summary>
    public static IReadOnlyList<ProjectPlan> History(IReadOnlyList<BudgetVersion> stored, Award award) =>
        stored.Count == 0 ? [AsAwarded(award)] : stored.OrderBy(v => v.Number).Select(ToPlan).ToList();

    /// <summary>The version in force (<see cref="InForceAsync"/>) from the stored ones and the award read with its budget lines.</summary>
    public static ProjectPlan InForce(IReadOnlyList<BudgetVersion> stored, Award award) =>
        stored.MaxBy(v => v.Number) is { } latest ? ToPlan(latest).ScaledTo(award.Amount) : AsAwarded(award);

    private static ProjectPlan AsAwarded(Krw amount, Instant awardedAt, LocalDate? startDate, LocalDate? endDate, List<BudgetLine> grantLines)
    {
        var scaled = ApprovedBudget.Scale(grantLines, amount);
        var plan = scaled.Select((l, i) => new PlanLine(l.BudgetLineId, grantLines[i].Order, l.Category, l.Item, l.Budgeted)).ToList();
        return new ProjectPlan(1, startDate, endDate, null, plan) { CreatedAt = awardedAt };
    }

    /// <summary>
    /// The version reports and settlement compare spending with: the newest, in proportion to the award amount if the
    /// officer amended the award after it (an amendment is the officer's, not a change request).
    /// </summary>
    public static async Task<ProjectPlan> InForceAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var latest = await db.BudgetVersions.AsNoTracking().Include(v => v.Lines).Where(v => v.AwardId == awardId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return await AsAwardedAsync(db, awardId, ct);
        }

        var amount = await db.Awards.AsNoTracking().Where(a => a.Id == awardId).Select(a => a.Amount).SingleAsync(ct);
        return ToPlan(latest).ScaledTo(amount);
    }

    /// <summary>
    /// The version in force of every award of <paramref name="awardIds"/> that has a stored version (awards without one
    /// are still as awarded), in one read: for a year's export.
    /// </summary>
    public static async Task<Dictionary<int, ProjectPlan>> StoredInForceAsync(PortalDbContext db, IReadOnlyCollection<int> awardIds, IReadOnlyDictionary<int, Krw> amounts, CancellationToken ct)
    {
        var stored = await db.BudgetVersions.AsNoTracking().Include(v => v.Lines).Where(v => awardIds.Contains(v.AwardId)).ToListAsync(ct);
        return stored.GroupBy(v => v.AwardId).ToDictionary(g => g.Key, g => ToPlan(g.MaxBy(v => v.Number)!).ScaledTo(amounts[g.Key]));
    }

    /// <summary>
    /// Adds <paramref name="next"/> after the version in force; version 1 is stored with it the first time. Call under
    /// the award's row lock: the unique (award, number) index refuses a second writer that did not take it.
    /// </summary>
    public static async Task AddAsync(PortalDbContext db, int awardId, ProjectPlan inForce, ProjectPlan next, int changeRequestId, Instant now, CancellationToken ct)
    {
        if (!await db.BudgetVersions.AnyAsync(v => v.AwardId == awardId, ct))
        {
            db.BudgetVersions.Add(ToEntity(awardId, inForce, inForce.CreatedAt ?? now, null));
        }

        db.BudgetVersions.Add(ToEntity(awardId, next with { Number = await NextNumberAsync(db, awardId, ct) }, now, changeRequestId));
    }

    /// <summary>The number the next version will have: the newest stored one plus one (2 while none is stored).</summary>
    public static async Task<int> NextNumberAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        (await db.BudgetVersions.Where(v => v.AwardId == awardId).MaxAsync(v => (int?)v.Number, ct) ?? 1) + 1;

    private static BudgetVersion ToEntity(int awardId, ProjectPlan plan, Instant at, int? changeRequestId)
    {
        var version = new BudgetVersion
        {
            AwardId = awardId,
            Number = plan.Number,
            StartDate = plan.StartDate,
            EndDate = plan.EndDate,
            Activities = plan.Activities,
            CreatedAt = at,
            ChangeRequestId = changeRequestId,
        };
        version.Lines.AddRange(plan.Lines.Select(l => new BudgetVersionLine { BudgetLineId = l.BudgetLineId, Order = l.Order, Category = l.Category, Item = l.Item, Amount = l.Amount }));
        return version;
    }

    private static ProjectPlan ToPlan(BudgetVersion version) => new(
        version.Number,
        version.StartDate,
        version.EndDate,
        version.Activities,
        version.Lines.OrderBy(l => l.Order).ThenBy(l => l.Id).Select(l => new PlanLine(l.BudgetLineId, l.Order, l.Category, l.Item, l.Amount)).ToList())
    {
        CreatedAt = version.CreatedAt,
        ChangeRequestId = version.ChangeRequestId,
    };
}

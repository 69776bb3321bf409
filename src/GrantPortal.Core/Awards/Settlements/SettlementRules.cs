namespace GrantPortal.Core.Awards;

/// <summary>The award, its final report and call amounts as the settlement reads them.</summary>
internal sealed record SettlementInputs(
    int AwardId,
    int OrganizationId,
    string ProjectTitle,
    Krw Amount,
    AwardStatus Status,
    Krw ReturnedAmount,
    LocalDate? ClosedOn,
    BudgetRules Rules,
    ProjectReport? FinalReport,
    SettlementSheet Sheet)
{
    public bool VerificationRequired => SettlementThresholds.NeedsVerification(Amount, Rules.VerificationThreshold);
}

/// <summary>
/// What the settlement use cases share: reading the award with its final report and working out the sheet (from the
/// budget version in force, the application's own-contribution lines and the report's spending), who may act, and
/// the audit snapshot. A confirmed settlement keeps the paid and returned amounts it was confirmed with.
/// </summary>
internal static class SettlementRules
{
    public static bool IsOfficer(CurrentUser user) => user.IsIn(Roles.ProgramOfficer);

    /// <summary>The award's settlement inputs, or null when there is no such award.</summary>
    public static async Task<SettlementInputs?> ReadAsync(PortalDbContext db, int awardId, Settlement? confirmed, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId)
            .Select(a => new { a.Id, a.OrganizationId, a.Application!.ProjectTitle, a.Amount, a.Status, a.ReturnedAmount, a.ClosedOn, a.ApplicationId, a.Application.Call!.BudgetRules })
            .SingleOrDefaultAsync(ct);
        if (award is null)
        {
            return null;
        }

        var report = await db.ProjectReports.AsNoTracking().Include(r => r.SpendingLines)
            .Where(r => r.AwardId == awardId && r.Kind == ReportKind.Final)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var plan = await BudgetVersions.InForceAsync(db, awardId, ct);
        var own = await db.BudgetLines.AsNoTracking().Where(l => l.ApplicationId == award.ApplicationId && l.IsOwnContribution)
            .Select(l => new { l.Category, l.Amount }).ToListAsync(ct);
        var paid = confirmed?.GrantPaid ?? await AwardRules.PaidAsync(db, awardId, ct);
        return Inputs(award.Id, award.OrganizationId, award.ProjectTitle, award.Amount, award.Status, award.ReturnedAmount, award.ClosedOn, award.BudgetRules,
            report, plan, own.Select(l => (l.Category, l.Amount)), paid, confirmed);
    }

    /// <summary>The settlement inputs from the award read once for its page (<see cref="ReadAsync"/> without reading again).</summary>
    public static SettlementInputs Of(AwardRecord record, Settlement? confirmed)
    {
        var award = record.Award;
        return Inputs(award.Id, award.OrganizationId, record.Application.ProjectTitle, award.Amount, award.Status, award.ReturnedAmount, award.ClosedOn, record.Call.BudgetRules,
            record.FinalReport, BudgetVersions.InForce(record.Versions, award),
            record.Application.BudgetLines.Where(l => l.IsOwnContribution).Select(l => (l.Category, l.Amount)),
            confirmed?.GrantPaid ?? record.Paid, confirmed);
    }

    private static SettlementInputs Inputs(
        int awardId, int organizationId, string projectTitle, Krw amount, AwardStatus status, Krw returnedAmount, LocalDate? closedOn, BudgetRules rules,
        ProjectReport? report, ProjectPlan plan, IEnumerable<(BudgetCategory Category, Krw Amount)> own, Krw paid, Settlement? confirmed)
    {
        var returnedBefore = confirmed?.ReturnedBefore ?? returnedAmount;
        var lines = report?.SpendingLines.OrderBy(l => l.Id)
            .Select(l => new SettlementLine(l.Category, l.Item, l.Budgeted, l.Spent, l.IneligibleGrant, l.OwnSpent)).ToList() ?? [];
        var sheet = SettlementSheet.Of(
            plan.Lines.Select(l => (l.Category, l.Amount)),
            own,
            lines,
            paid,
            returnedBefore,
            report?.InterestEarned ?? Krw.Zero);
        return new SettlementInputs(awardId, organizationId, projectTitle, amount, status, returnedAmount, closedOn, rules, report, sheet);
    }

    /// <summary>A settlement as the audit trail keeps it.</summary>
    public static string Snapshot(Settlement settlement) => JsonSerializer.Serialize(new
    {
        settlement.AwardId,
        settlement.ProjectReportId,
        GrantPaid = settlement.GrantPaid.Won,
        ReturnedBefore = settlement.ReturnedBefore.Won,
        EligibleGrantSpent = settlement.EligibleGrantSpent.Won,
        Interest = settlement.Interest.Won,
        AmountToReturn = settlement.AmountToReturn.Won,
        settlement.VerificationRequired,
        ReturnStatus = settlement.ReturnStatus.ToString(),
        ReturnReceivedOn = settlement.ReturnReceivedOn is { } on ? AwardRules.Day(on) : null,
        settlement.ReturnReference,
    });

    /// <summary>
    /// Runs a step on a settlement's receivable under its award's row lock, with the settlement read for writing and
    /// checked against the version the reader saw; not found when there is no such settlement.
    /// </summary>
    public static async Task<Result> OnReceivableAsync(
        PortalDbContext db, int settlementId, int expectedVersion, IStringLocalizer<Strings> localizer, Func<Settlement, Task<Result>> work, CancellationToken ct)
    {
        var awardId = await db.Settlements.Where(s => s.Id == settlementId).Select(s => (int?)s.AwardId).SingleOrDefaultAsync(ct);
        if (awardId is not { } id)
        {
            return Result.NotFound();
        }

        return await UnderAwardLockAsync(db, id, async () =>
        {
            var settlement = await db.Settlements.SingleAsync(s => s.Id == settlementId, ct);
            return AwardRules.IsAsRead(settlement, expectedVersion, localizer, out var refusal) ? await work(settlement) : refusal;
        }, ct);
    }

    /// <summary>Runs a settlement step in one transaction holding the award's row lock, the lock payments and changes take.</summary>
    public static Task<Result> UnderAwardLockAsync(PortalDbContext db, int awardId, Func<Task<Result>> work, CancellationToken ct) =>
        db.InTransactionAsync(RowLock.On<Award>(awardId), work, ct);
}

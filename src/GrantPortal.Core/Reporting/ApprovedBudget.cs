namespace GrantPortal.Core.Reporting;

/// <summary>The budget a report accounts for: the application's lines as the award approved them.</summary>
public static class ApprovedBudget
{
    /// <summary>
    /// The application's lines scaled to the awarded amount, in whole 10,000 won, the last line taking the
    /// remainder so the lines add up to the award exactly.
    /// </summary>
    public static List<SpendingLineDraft> Scale(IReadOnlyList<BudgetLine> lines, Krw awarded)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var requested = lines.Sum(l => l.Amount.Won);
        var result = new List<SpendingLineDraft>(lines.Count);
        var allocated = 0L;
        for (var i = 0; i < lines.Count; i++)
        {
            var budgeted = i == lines.Count - 1 || requested == 0
                ? awarded.Won - allocated
                : lines[i].Amount.Won * awarded.Won / requested / 10_000 * 10_000;
            allocated += budgeted;
            result.Add(new SpendingLineDraft { BudgetLineId = lines[i].Id, Category = lines[i].Category, Item = lines[i].Item, Budgeted = new Krw(budgeted) });
        }

        return result;
    }

    /// <summary>
    /// The budget version in force (<see cref="BudgetVersions.InForceAsync"/>): the grant lines as awarded, or as the
    /// latest approved change request left them. Own-contribution lines (자부담) are the organization's, not the award's.
    /// </summary>
    internal static async Task<List<SpendingLineDraft>> ForAwardAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        Of(await BudgetVersions.InForceAsync(db, awardId, ct));

    internal static List<SpendingLineDraft> Of(ProjectPlan plan) =>
        plan.Lines.Select(l => new SpendingLineDraft { BudgetLineId = l.BudgetLineId, Category = l.Category, Item = l.Item, Budgeted = l.Amount }).ToList();

    /// <summary>A report still being written follows the version in force: each saved line takes its line's budget now.</summary>
    internal static void Follow(IEnumerable<SpendingLine> saved, ProjectPlan plan)
    {
        foreach (var line in saved)
        {
            if (plan.Lines.FirstOrDefault(l => l.BudgetLineId == line.BudgetLineId && l.Item == line.Item) is { } budget)
            {
                line.Budgeted = budget.Amount;
            }
        }
    }
}

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

    internal static async Task<List<SpendingLineDraft>> ForAwardAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId).Select(a => new { a.Amount, a.ApplicationId }).SingleAsync(ct);
        // The award pays the grant part; own-contribution lines (자부담) are the organization's, not the award's.
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.ApplicationId == award.ApplicationId && !l.IsOwnContribution).OrderBy(l => l.Order).ToListAsync(ct);
        return Scale(lines, award.Amount);
    }
}

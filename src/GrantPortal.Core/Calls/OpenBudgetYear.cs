namespace GrantPortal.Core.Calls;

/// <summary>
/// A program officer opens a budget year with its envelope, which the year's calls then divide. A year opens once,
/// even when two officers open it at the same moment. Anyone else is told the year does not exist.
/// </summary>
public sealed class OpenBudgetYear(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<OpenBudgetYear> logger)
{
    public async Task<Result> OpenAsync(CurrentUser user, BudgetYearForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Refusal(user, localizer, Seoul.Today(clock)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async () =>
        {
            if (await db.BudgetYears.AnyAsync(y => y.Year == form.Year, ct))
            {
                return Exists(form.Year);
            }

            var budget = BudgetYear.Open(form.Year, form.Envelope);
            budget.Note = form.TrimmedNote;
            db.BudgetYears.Add(budget);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two officers opened the same year at once; the unique index kept one.
                if (await YearExistsAsync(form.Year, ct))
                {
                    return Exists(form.Year);
                }

                throw;
            }

            db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "budget-year.opened", nameof(BudgetYear),
                budget.Year.ToString(CultureInfo.InvariantCulture), after: budget.Snapshot()));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Budget year {Year} opened with {Envelope} by {UserId}", budget.Year, budget.Envelope.Won, user.UserId);
            return Result.Done();
        }, ct);
    }

    // Asked on a context of its own: the failed insert may have ended this transaction.
    private async Task<bool> YearExistsAsync(int year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.AnyAsync(y => y.Year == year, ct);
    }

    private Result Exists(int year) => Result.Invalid(nameof(BudgetYearForm.Year), localizer["BudgetYear_Exists", year]);
}

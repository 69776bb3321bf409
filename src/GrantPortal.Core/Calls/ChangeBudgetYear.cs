namespace GrantPortal.Core.Calls;

/// <summary>
/// A program officer changes a budget year's envelope or note. The envelope never falls below what the year's calls
/// already divide, checked under the year's lock that saving a call takes too, so a call saved at the same moment
/// cannot slip past. Anyone else is told the year does not exist.
/// </summary>
public sealed class ChangeBudgetYear(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ChangeBudgetYear> logger)
{
    public async Task<Result> ChangeAsync(CurrentUser user, BudgetYearForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Refusal(user, localizer, Seoul.Today(clock)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var yearId = await db.BudgetYears.Where(y => y.Year == form.Year).Select(y => (int?)y.Id).SingleOrDefaultAsync(ct);
        if (yearId is not { } id)
        {
            return Result.NotFound();
        }

        return await db.InTransactionAsync(RowLock.On<BudgetYear>(id), async () =>
        {
            var budget = await db.BudgetYears.SingleAsync(y => y.Id == id, ct);
            if (budget.Version != form.Version)
            {
                return Result.Conflict(localizer["Error_Concurrency"]);
            }

            var allocated = new Krw(await db.Calls.Where(c => c.BudgetYearId == budget.Id).SumAsync(c => (long)c.Envelope, ct));
            if (form.Envelope < allocated)
            {
                return Result.Invalid(nameof(BudgetYearForm.Envelope), localizer["BudgetYear_BelowCalls", budget.Year, allocated.ForReader()]);
            }

            var before = budget.Snapshot();
            budget.ChangeEnvelope(form.Envelope);
            budget.Note = form.TrimmedNote;
            if (before == budget.Snapshot())
            {
                return Result.Done();
            }

            db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "budget-year.changed", nameof(BudgetYear),
                budget.Year.ToString(CultureInfo.InvariantCulture), before, budget.Snapshot()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(localizer["Error_Concurrency"]);
            }

            logger.LogInformation("Budget year {Year} envelope set to {Envelope} by {UserId}", budget.Year, budget.Envelope.Won, user.UserId);
            return Result.Done();
        }, ct);
    }
}

namespace GrantPortal.Core.Calls;

/// <summary>What saving a call's changes did to its deadline: nothing (no <see cref="Deadline"/>), or a move, made and mailed.</summary>
public sealed record CallUpdate(DeadlineChange? Deadline)
{
    /// <summary>
    /// Nothing was saved: the officer must first confirm the move of a published call's deadline that
    /// <see cref="Deadline"/> describes (the result's message asks), then save again confirming it.
    /// </summary>
    public bool NeedsConfirmation { get; init; }
}

/// <summary>
/// A program officer edits a call. Its envelope must fit the year (even when officers save at the same moment) and
/// cover the awards already made from it; once reviews are in, the rubric's scales stay; a published call's
/// deadline moves only as <see cref="MoveDeadline"/> allows. Anyone else is told the call does not exist.
/// </summary>
public sealed class UpdateCall(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    MoveDeadline deadlines,
    ILogger<UpdateCall> logger)
{
    /// <summary>
    /// Saves the form over the call it names. Moving a published call's deadline saves nothing until
    /// <paramref name="confirmDeadlineChange"/> is set; then the move is saved, audited and mailed to the organizations holding drafts.
    /// </summary>
    public async Task<Result<CallUpdate>> UpdateAsync(CurrentUser user, CallForm form, bool confirmDeadlineChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Id is not { } callId)
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CallPlanning.InBudgetYearAsync(db, user, form, localizer, budget => ChangeAsync(db, user, callId, form, budget, confirmDeadlineChange, ct), ct);
    }

    private async Task<Result<CallUpdate>> ChangeAsync(PortalDbContext db, CurrentUser user, int callId, CallForm form, BudgetYear budget, bool confirmed, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var call = await db.Calls.Include(c => c.Criteria).Include(c => c.Indicators).Include(c => c.Recommendations).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return Result.NotFound();
        }

        if (call.Version != form.Version)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        var before = CallPlanning.Snapshot(call);
        db.Entry(call).Property(c => c.Version).OriginalValue = form.Version;
        if (await CallPlanning.RefuseAsync(db, form, budget, localizer, logger, ct) is { } refused)
        {
            return refused;
        }

        var committed = new Krw(await db.Awards.Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled).SumAsync(a => (long)a.Amount, ct));
        if (form.Envelope < committed)
        {
            return Result.Invalid(nameof(CallForm.Envelope), localizer["Calls_BelowAwards", committed.ForReader()]);
        }

        if (ChangesScoredRubric(call, form) && await db.ReviewAssignments.AnyAsync(a => a.Application!.CallId == callId && a.Review != null, ct))
        {
            // Scores already given refer to these criteria and were given on these scales.
            return Result.Invalid(nameof(CallForm.Criteria), localizer["Reviews_RubricLocked"]);
        }

        if (await IndicatorsCheck.RefuseRemovalAsync(db, call, form, localizer, ct) is { } indicatorInUse)
        {
            return indicatorInUse;
        }

        if (await TwoStageCheck.RefuseSwitchAsync(db, call, form, localizer, ct) is { } stagesInUse)
        {
            return stagesInUse;
        }

        var deadline = await deadlines.CheckAsync(db, user, call, form, now, confirmed, ct);
        if (!deadline.Succeeded)
        {
            return deadline;
        }

        CallPlanning.Apply(call, form, budget.Id);
        try
        {
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(CallPlanning.Audit(now, user, call, before));
            if (deadline.Value?.Deadline is { } moved)
            {
                await deadlines.QueueDraftHolderMailAsync(db, call, moved, ct);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Call {CallId} saved by {UserId}", call.Id, user.UserId);
        return deadline;
    }

    /// <summary>True when the form removes a criterion or changes a kept criterion's scale.</summary>
    private static bool ChangesScoredRubric(Call call, CallForm form) =>
        call.Criteria.Any(existing =>
            form.Criteria.FirstOrDefault(f => f.Id == existing.Id) is not { } kept
            || kept.ScaleMinimum != existing.ScaleMinimum
            || kept.ScaleMaximum != existing.ScaleMaximum);
}

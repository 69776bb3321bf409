namespace GrantPortal.Core.Calls;

/// <summary>
/// A program officer opens a new call for proposals in a budget year. Its envelope must fit what the year's other
/// calls leave, even when officers save at the same moment. Anyone else is told there is nothing there.
/// </summary>
public sealed class CreateCall(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<CreateCall> logger)
{
    /// <summary>Creates the call the form describes (its <see cref="CallForm.Id"/> is ignored); the value is the new call's id.</summary>
    public async Task<Result<int>> CreateAsync(CurrentUser user, CallForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fresh = form with { Id = null };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CallPlanning.InBudgetYearAsync(db, user, fresh, localizer, async budget =>
        {
            if (await CallPlanning.RefuseAsync(db, fresh, budget, localizer, logger, ct) is { } refused)
            {
                return refused;
            }

            var call = new Call();
            CallPlanning.Apply(call, fresh, budget.Id);
            db.Calls.Add(call);
            await db.SaveChangesAsync(ct);

            // The call's id exists only now, and the audit event and the form's first version name it.
            var now = clock.GetCurrentInstant();
            db.AuditEvents.Add(CallPlanning.Audit(now, user, call, before: null));
            db.ApplicationFormVersions.Add(new ApplicationFormVersion
            {
                CallId = call.Id, Stage = FormStage.Full, Number = 1, Definition = DefaultForm.Definition, SavedAt = now, SavedById = user.UserId,
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Call {CallId} created by {UserId}", call.Id, user.UserId);
            return Result.Done(call.Id);
        }, ct);
    }
}

namespace GrantPortal.Core.Applications;

/// <summary>An organization takes back its submitted application before the call's deadline, saying why.</summary>
public sealed class WithdrawApplication(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<WithdrawApplication> logger)
{
    public async Task<Result> WithdrawAsync(CurrentUser user, int id, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.VisibleTo(user).Include(a => a.Call).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !ApplicationAccess.IsOwner(user, application.OrganizationId))
        {
            return Result.NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid(nameof(reason), localizer["Application_WithdrawReasonRequired"]);
        }

        var now = clock.GetCurrentInstant();
        if (application.Call!.HasClosedAt(now))
        {
            return Result.Refused(localizer["Application_WithdrawAfterDeadline", Seoul.Format(application.Call.ClosesAt)]);
        }

        if (!ApplicationStatusMachine.CanMove(application.Status, ApplicationStatus.Withdrawn))
        {
            return Result.Refused(localizer["Application_CannotWithdraw"]);
        }

        var limits = new FieldLimits(db);
        application.Withdraw(limits.Clip(reason, nameof(Application.WithdrawalReason)), now);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            "application.withdrawn",
            nameof(Application),
            application.Id.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Submitted) }),
            after: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Withdrawn) }),
            reason: application.WithdrawalReason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Application {ApplicationId} withdrawn by {UserId}", id, user.UserId);
        return Result.Done();
    }
}

namespace GrantPortal.Core.Accounts;

/// <summary>
/// The administrator lets a person sign in again: ends a lockout after failed sign-ins, or restores a member their
/// organization removed (the Applicant role comes back with it). Audited as <c>user.unlocked</c> or
/// <c>user.restored</c>. Administrators only; anyone else is told the person does not exist.
/// </summary>
public sealed class UnlockAccount(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<UnlockAccount> logger)
{
    public async Task<Result> UnlockAsync(CurrentUser admin, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (!admin.IsIn(Roles.Administrator) || await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.NotFound();
        }

        if (user.PersonalDataRemovedAt is not null)
        {
            return Result.Refused(localizer["Staff_CannotRestoreAnonymized"]);
        }

        var end = await users.GetLockoutEndDateAsync(user);
        var lockedOut = end > clock.GetCurrentInstant().ToDateTimeOffset();
        var removed = user.RemovedAt is not null;
        if (!lockedOut && !removed)
        {
            return Result.Refused(localizer["Staff_NotLockedOut", user.Email ?? user.DisplayName]);
        }

        if (removed)
        {
            user.RemovedAt = null;
            if (user.OrganizationId is not null && !await users.IsInRoleAsync(user, Roles.Applicant))
            {
                IdentityResults.Check(await users.AddToRoleAsync(user, Roles.Applicant));
            }
        }

        // Clearing the lockout saves the user, RemovedAt with it.
        IdentityResults.Check(await users.SetLockoutEndDateAsync(user, null));
        IdentityResults.Check(await users.ResetAccessFailedCountAsync(user));
        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), admin.AsActor(), removed ? AuditActions.UserRestored : AuditActions.UserUnlocked,
            nameof(PortalUser), user.Id, before: end?.ToString("O", CultureInfo.InvariantCulture)), ct);
        logger.LogInformation("Administrator {AdminId} {Action} {UserId}", admin.UserId, removed ? "restored" : "unlocked", user.Id);
        return Result.Done();
    }
}

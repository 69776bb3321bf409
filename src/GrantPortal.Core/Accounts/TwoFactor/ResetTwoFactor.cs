namespace GrantPortal.Core.Accounts;

/// <summary>
/// An administrator resets a person's two-factor sign-in (a lost phone and lost recovery codes): it is turned off, the
/// authenticator key and recovery codes are replaced, every session and remembered browser of the person ends, and a
/// person whose roles require it sets it up again at their next sign-in. A reason is required; the reset is audited as
/// <c>user.two-factor-reset</c> and the person is told by mail, in the same save. Another administrator resets an
/// administrator's, so one stolen session cannot strip its own second factor. Administrators only.
/// </summary>
public sealed class ResetTwoFactor(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ResetTwoFactor> logger)
{
    public async Task<Result> ResetAsync(CurrentUser admin, string userId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (!admin.IsIn(Roles.Administrator) || await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid("Reason", localizer["TwoFactorReset_ReasonRequired"]);
        }

        if (user.Id == admin.UserId)
        {
            return Result.Refused(localizer["TwoFactorReset_NotYourOwn"]);
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Result.Refused(localizer["TwoFactorReset_NotEnabled", user.DisplayName]);
        }

        // Resetting the key renews the security stamp: open sessions and remembered browsers of the person end.
        await TwoFactorEnrollment.TurnOffAsync(users, user);

        var now = clock.GetCurrentInstant();
        var why = reason.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(now, admin.AsActor(), AuditActions.UserTwoFactorReset, nameof(PortalUser), user.Id, reason: why));
        if (user.Email is { } email)
        {
            MailOutbox.Add(db, now, MailPurposes.TwoFactorReset, new MailRecipient(user.DisplayName, email, user.PreferredLanguage), () => (
                localizer["TwoFactorReset_MailSubject"].Value,
                localizer["TwoFactorReset_MailBody", user.DisplayName, Seoul.Format(now), why].Value));
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Administrator {AdminId} reset the two-factor sign-in of {UserId}", admin.UserId, user.Id);
        return Result.Done();
    }
}

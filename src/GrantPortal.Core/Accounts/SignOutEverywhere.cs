namespace GrantPortal.Core.Accounts;

/// <summary>
/// A person ends every session of theirs at once, say after using a shared computer: a new security stamp makes every
/// sign-in cookie and open page of theirs fail its next revalidation (<c>Security:RevalidationInterval</c>, one
/// minute). Audited as <c>user.signed-out-everywhere</c>. The browser that asked is signed out by the page right away.
/// </summary>
public sealed class SignOutEverywhere(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    ILogger<SignOutEverywhere> logger)
{
    public async Task<Result> SignOutAsync(CurrentUser person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return Result.NotFound();
        }

        IdentityResults.Check(await users.UpdateSecurityStampAsync(user));
        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), person.AsActor(), AuditActions.UserSignedOutEverywhere, nameof(PortalUser), user.Id), ct);
        logger.LogInformation("{UserId} signed out of every session", user.Id);
        return Result.Done();
    }
}

namespace GrantPortal.Core.Accounts;

/// <summary>
/// Identity's own gate before a password is even checked: an account an organization removed is not allowed to
/// sign in (the sign-in result is "not allowed"), whatever its password or lockout.
/// </summary>
public sealed class MembershipConfirmation : IUserConfirmation<PortalUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.RemovedAt is null);
    }
}

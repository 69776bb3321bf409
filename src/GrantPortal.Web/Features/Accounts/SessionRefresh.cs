using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

/// <summary>
/// Re-issues this browser's sign-in cookie after Core changed the person's two-factor state or security stamp, so the
/// session keeps going (its stamp matches again) and its claims say what is now true.
/// </summary>
public sealed class SessionRefresh(IServiceScopeFactory scopes)
{
    /// <remarks>
    /// A scope of its own: the request's user manager may still hold the person as they were before the change, and
    /// the cookie would be written from that stale copy.
    /// </remarks>
    public async Task RefreshAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        if (await signIn.UserManager.FindByIdAsync(userId) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}

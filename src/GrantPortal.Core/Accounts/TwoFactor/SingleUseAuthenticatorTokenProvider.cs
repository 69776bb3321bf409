namespace GrantPortal.Core.Accounts;

/// <summary>
/// Identity's authenticator-app check, with one addition: a code that has signed someone in is refused if presented
/// again while it would still be valid (ASVS 5.0 6.5.1: a time-based code is usable once). The last code spent is kept
/// as an Identity user token, so no schema change is needed.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(IClock clock) : AuthenticatorTokenProvider<PortalUser>
{
    public const string ProviderName = "PortalAuthenticator";

    private const string SpentCodeToken = "SpentAuthenticatorCode";

    /// <summary>Longer than Identity's window (a few 30-second steps either side), so a spent code cannot come back within it.</summary>
    private static readonly Duration ReplayWindow = Duration.FromMinutes(5);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        var spent = await manager.GetAuthenticationTokenAsync(user, ProviderName, SpentCodeToken);
        if (spent?.Split('@') is [var code, var at] && code == token
            && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && now - Instant.FromUnixTimeSeconds(seconds) < ReplayWindow)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, ProviderName, SpentCodeToken,
            string.Create(CultureInfo.InvariantCulture, $"{token}@{now.ToUnixTimeSeconds()}"));
        return true;
    }
}

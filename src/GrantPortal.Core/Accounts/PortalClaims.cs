using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Accounts;

/// <summary>Claims the portal adds to a signed-in person, so pages need no lookup to know who is asking.</summary>
public static class PortalClaims
{
    public const string DisplayName = "grantportal:display_name";
    public const string OrganizationId = "grantportal:organization_id";
    public const string Language = "grantportal:language";

    /// <summary>Present when the person has two-factor sign-in on (see <see cref="TwoFactorPolicy"/>).</summary>
    public const string TwoFactor = "grantportal:two_factor";
}

public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.Language, Languages.Normalize(user.PreferredLanguage)));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactor, "on"));
        }

        if (user.OrganizationId is { } organizationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganizationId, organizationId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

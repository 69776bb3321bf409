using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Accounts;

/// <summary>Who must sign in with a second factor (section <c>Security</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security";

    /// <summary>The roles that handle money and decisions; used when <see cref="RequireTwoFactorFor"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultRequiredRoles = [Roles.Finance, Roles.ProgramOfficer, Roles.Administrator];

    /// <summary>Roles whose holders must enroll before they reach anything. Not set: <see cref="DefaultRequiredRoles"/>.</summary>
    public string[]? RequireTwoFactorFor { get; set; }

    /// <summary>
    /// The Development demo accounts sign in with a password alone, so the demo stays one click away. The web host
    /// honours it in Development only and fills <see cref="ExemptAccounts"/> with the demo addresses.
    /// </summary>
    public bool DemoAccountsSkipTwoFactor { get; set; }

    /// <summary>Addresses excused from the requirement (the demo accounts in Development); set in code, not configuration.</summary>
    public ISet<string> ExemptAccounts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> RequiredRoles => RequireTwoFactorFor is { Length: > 0 } roles ? roles : DefaultRequiredRoles;
}

/// <summary>
/// The one answer to "must this person use two-factor sign-in?", from their roles and address. A signed-in person's
/// claims say whether they have it (<see cref="PortalClaims.TwoFactor"/>), so no request needs a lookup to know.
/// </summary>
public sealed class TwoFactorPolicy(IOptions<TwoFactorOptions> options)
{
    /// <summary>How many single-use recovery codes a person gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    public bool IsRequiredFor(IEnumerable<string> roles, string? email)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var settings = options.Value;
        return roles.Any(settings.RequiredRoles.Contains) && !(email is not null && settings.ExemptAccounts.Contains(email));
    }

    public bool IsExempt(string? email) => email is not null && options.Value.ExemptAccounts.Contains(email);

    /// <summary>Signed in, required to use two-factor, and not set up yet: such a person may only set it up or sign out.</summary>
    public bool MustEnroll(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true
            && principal.FindFirst(PortalClaims.TwoFactor) is null
            && IsRequiredFor(principal.FindAll(ClaimTypes.Role).Select(c => c.Value), principal.FindFirstValue(ClaimTypes.Email));
    }
}

/// <summary>Refuses to start with a role name in <c>Security:RequireTwoFactorFor</c> that the portal does not have.</summary>
internal sealed class TwoFactorOptionsValidation : IValidateOptions<TwoFactorOptions>
{
    public ValidateOptionsResult Validate(string? name, TwoFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unknown = options.RequiredRoles.Where(r => !Roles.All.Contains(r)).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Security:RequireTwoFactorFor names unknown roles: {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
    }
}

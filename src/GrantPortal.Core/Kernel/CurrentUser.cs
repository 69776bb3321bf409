using System.Security.Claims;

namespace GrantPortal.Core.Kernel;

/// <summary>The person behind a request, as Core services need them for authorization.</summary>
public sealed record CurrentUser(string UserId, string Name, int? OrganizationId, IReadOnlySet<string> RoleNames)
{
    public bool IsIn(string role) => RoleNames.Contains(role);

    public bool IsStaff => IsIn(Roles.ProgramOfficer) || IsIn(Roles.Finance) || IsIn(Roles.Administrator);

    public Auditing.Actor AsActor() => new(UserId, Name);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || id is null)
        {
            return null;
        }

        var organization = principal.FindFirstValue(PortalClaims.OrganizationId);
        return new CurrentUser(
            id,
            principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.Identity.Name ?? "",
            int.TryParse(organization, NumberStyles.None, CultureInfo.InvariantCulture, out var orgId) ? orgId : null,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}

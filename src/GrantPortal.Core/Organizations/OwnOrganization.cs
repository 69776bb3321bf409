namespace GrantPortal.Core.Organizations;

/// <summary>The organization a person acts for here: an applicant's own, and nobody else's (staff included).</summary>
internal static class OwnOrganization
{
    public static int? Of(CurrentUser user) => user.IsIn(Roles.Applicant) ? user.OrganizationId : null;
}

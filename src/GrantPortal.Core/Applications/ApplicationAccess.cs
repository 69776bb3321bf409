namespace GrantPortal.Core.Applications;

/// <summary>Who may see and who may change an application: the one rule every application use case applies.</summary>
internal static class ApplicationAccess
{
    /// <summary>Officers see every application; applicants their organization's; anyone else none.</summary>
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, CurrentUser user)
    {
        if (user.IsIn(Roles.ProgramOfficer))
        {
            return applications;
        }

        if (user.IsIn(Roles.Applicant) && user.OrganizationId is { } organizationId)
        {
            return applications.Where(a => a.OrganizationId == organizationId);
        }

        return applications.Where(a => false);
    }

    /// <summary>Only the organization's own applicants change its applications; officers read them.</summary>
    public static bool IsOwner(CurrentUser user, int organizationId) =>
        user.IsIn(Roles.Applicant) && user.OrganizationId == organizationId;
}

namespace GrantPortal.Core.Accounts;

/// <summary>The roles an administrator gives ministry staff; Applicant belongs to an organization's registration.</summary>
public static class StaffRoles
{
    public static readonly IReadOnlyList<string> All = [Roles.Reviewer, Roles.ProgramOfficer, Roles.Finance, Roles.Administrator];
}

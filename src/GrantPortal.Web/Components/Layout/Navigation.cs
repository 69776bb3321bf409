namespace GrantPortal.Web.Components.Layout;

/// <summary>One entry of the side navigation; <see cref="Roles"/> empty means every signed-in person.</summary>
public sealed record NavEntry(string Href, string LabelKey, string Icon, IReadOnlyList<string> Roles, bool ForceLoad = false)
{
    public bool IsVisibleTo(CurrentUser? user) =>
        user is not null && (Roles.Count == 0 || Roles.Any(user.IsIn));
}

public static class Navigation
{
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "Nav_Dashboard", Icons.Material.Outlined.Dashboard, []),
        new("/calls", "Nav_Calls", Icons.Material.Outlined.Campaign, []),
        new("/applications", "Nav_Applications", Icons.Material.Outlined.Description, [Roles.Applicant, Roles.ProgramOfficer]),
        new("/reviews", "Nav_Reviews", Icons.Material.Outlined.RateReview, [Roles.Reviewer, Roles.ProgramOfficer]),
        new("/reviewers", "Nav_ReviewerProfile", Icons.Material.Outlined.Badge, [Roles.Reviewer]),
        new("/reviewers", "Nav_Reviewers", Icons.Material.Outlined.Groups, [Roles.ProgramOfficer]),
        new("/calls/manage", "Nav_ManageCalls", Icons.Material.Outlined.EditCalendar, [Roles.ProgramOfficer]),
        new("/organizations", "Nav_Organizations", Icons.Material.Outlined.VerifiedUser, [Roles.ProgramOfficer]),
        new("/awards", "Awards_Nav", Icons.Material.Outlined.EmojiEvents, [Roles.ProgramOfficer, Roles.Applicant]),
        new("/finance", "Finance_Nav", Icons.Material.Outlined.Payments, [Roles.Finance]),
        new("/budget", "Budget_Nav", Icons.Material.Outlined.AccountBalance, [Roles.ProgramOfficer, Roles.Finance, Roles.Administrator]),
        new("/audit", "Audit_Nav", Icons.Material.Outlined.History, [Roles.ProgramOfficer, Roles.Finance, Roles.Administrator]),
        new("/reports", "Nav_Reports", Icons.Material.Outlined.Assignment, [Roles.Applicant, Roles.ProgramOfficer]),
        new("/organization", "Nav_MyOrganization", Icons.Material.Outlined.Business, [Roles.Applicant]),
        new("/recommendations", "Nav_Recommendations", Icons.Material.Outlined.Public, [Roles.ProgramOfficer, Roles.Administrator, Roles.Finance]),
        new("/accountability", "PublicAccountability_Nav", Icons.Material.Outlined.Insights, []),
        new("/admin", "Nav_Admin", Icons.Material.Outlined.AdminPanelSettings, [Roles.Administrator]),
        new("/hangfire", "Nav_Jobs", Icons.Material.Outlined.Schedule, [Roles.Administrator], ForceLoad: true),
        new("/Account/Profile", "Nav_Profile", Icons.Material.Outlined.Person, [], ForceLoad: true),
    ];

    public static IEnumerable<NavEntry> For(CurrentUser? user) => Entries.Where(e => e.IsVisibleTo(user));
}

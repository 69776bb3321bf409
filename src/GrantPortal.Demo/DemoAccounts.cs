using GrantPortal.Core.Accounts;

namespace GrantPortal.Demo;

/// <summary>
/// The accounts a fresh Development database holds, listed on the login page in Development only.
/// Every one signs in with <see cref="Password"/>.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "GrantPortal-Demo";

    public static readonly DemoAccount Applicant1 = new("applicant1@demo.local", Roles.Applicant, "김하늘", Languages.Korean);
    public static readonly DemoAccount Applicant2 = new("applicant2@demo.local", Roles.Applicant, "Grace Lee", Languages.English);
    public static readonly DemoAccount Reviewer1 = new("reviewer1@demo.local", Roles.Reviewer, "박정민", Languages.Korean);
    public static readonly DemoAccount Reviewer2 = new("reviewer2@demo.local", Roles.Reviewer, "Daniel Choi", Languages.English);
    public static readonly DemoAccount Officer = new("officer@demo.local", Roles.ProgramOfficer, "이서연", Languages.Korean);
    public static readonly DemoAccount Finance1 = new("finance1@demo.local", Roles.Finance, "정우진", Languages.Korean);
    public static readonly DemoAccount Finance2 = new("finance2@demo.local", Roles.Finance, "한지원", Languages.Korean);
    public static readonly DemoAccount Administrator = new("admin@demo.local", Roles.Administrator, "최관리", Languages.Korean);

    /// <summary>In the order the login page lists them.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
        [Applicant1, Applicant2, Reviewer1, Reviewer2, Officer, Finance1, Finance2, Administrator];
}

/// <summary>A demo sign-in: applicants belong to different verified organizations; the rest are ministry staff.</summary>
public sealed record DemoAccount(string Email, string Role, string DisplayName, string PreferredLanguage);

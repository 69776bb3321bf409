namespace GrantPortal.Core.Kernel;

/// <summary>The five roles of DESIGN.md; a person may hold several.</summary>
public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string Reviewer = nameof(Reviewer);
    public const string ProgramOfficer = nameof(ProgramOfficer);
    public const string Finance = nameof(Finance);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Applicant, Reviewer, ProgramOfficer, Finance, Administrator];
}

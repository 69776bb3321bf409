namespace GrantPortal.Web.Features.Dashboards;

/// <summary>The applicant's next steps on the dashboard, each read from the Core service that owns it.</summary>
public sealed record ApplicantWork(
    IReadOnlyList<PublishedCall> OpenCalls,
    IReadOnlyDictionary<int, ApplyState> ApplyStates,
    IReadOnlyList<OrganizationApplicationRow> Drafts,
    IReadOnlyList<GranteeAward> Awards);

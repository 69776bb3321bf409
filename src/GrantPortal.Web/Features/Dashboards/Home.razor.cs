using GrantPortal.Core.Dashboards;
using NodaTime;

namespace GrantPortal.Web.Features.Dashboards;

public sealed partial class Home : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private bool loading;
    private ApplicantDashboard? applicant;
    private ApplicantWork? applicantWork;
    private ReviewerDashboard? reviewer;
    private OfficerDashboard? officer;
    private FinanceDashboard? finance;
    private AdministratorDashboard? administrator;

    [SupplyParameterFromQuery(Name = "registered")]
    private int? RegisteredFlag { get; set; }

    private bool Registered => RegisteredFlag == 1;

    protected override async Task OnInitializedAsync()
    {
        if (User is not { } user)
        {
            return;
        }

        loading = true;
        var ct = cancellation.Token;

        // Core answers only for the roles the person holds; most people hold one.
        applicant = await Dashboards.ForApplicantAsync(user, ct);
        if (applicant is not null)
        {
            applicantWork = await LoadApplicantWorkAsync(user, ct);
        }

        reviewer = await Dashboards.ForReviewerAsync(user, ct);
        officer = await Dashboards.ForOfficerAsync(user, ct);
        finance = await Dashboards.ForFinanceAsync(user, ct);
        administrator = await Dashboards.ForAdministratorAsync(user, ct);
        loading = false;
    }

    private async Task<ApplicantWork> LoadApplicantWorkAsync(CurrentUser person, CancellationToken ct)
    {
        var now = Clock.GetCurrentInstant();
        var openCalls = await Calls.ListOpenAsync(ct);
        var applyStates = await Applications.ApplyStatesAsync(person, openCalls.Select(c => c.Id).ToList(), ct);

        // Drafts that can still be submitted; a closed call's draft is history, listed on /applications.
        var drafts = (await Applications.ListForOrganizationAsync(person, ct))
            .Where(a => a.Status == ApplicationStatus.Draft && a.CallClosesAt >= now)
            .ToList();
        return new ApplicantWork(openCalls, applyStates, drafts, await Awards.ListForOrganizationAsync(person, ct));
    }

    public void Dispose()
    {
        cancellation.Cancel();
        cancellation.Dispose();
    }
}

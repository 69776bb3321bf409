using GrantPortal.Core.Accounts;
using GrantPortal.Core.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NodaTime;

namespace GrantPortal.Web.Features.Dashboard;

public sealed partial class Home : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private CurrentUser? user;
    private bool loading;
    private ApplicantDashboard? applicant;
    private ReviewerDashboard? reviewer;
    private OfficerDashboard? officer;
    private FinanceDashboard? finance;
    private AdministratorDashboard? administrator;

    [Inject]
    private IClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "registered")]
    private int? RegisteredFlag { get; set; }

    private bool Registered => RegisteredFlag == 1;

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        if (user is null)
        {
            return;
        }

        loading = true;
        var ct = cancellation.Token;

        // Core answers only for the roles the person holds; most people hold one.
        applicant = await Dashboards.ForApplicantAsync(user, ct);
        reviewer = await Dashboards.ForReviewerAsync(user, ct);
        officer = await Dashboards.ForOfficerAsync(user, ct);
        finance = await Dashboards.ForFinanceAsync(user, ct);
        administrator = await Dashboards.ForAdministratorAsync(user, ct);
        loading = false;
    }

    public void Dispose()
    {
        cancellation.Cancel();
        cancellation.Dispose();
    }
}

namespace GrantPortal.Web.Features.Awards;

public sealed partial class AwardsPage
{
    private IReadOnlyList<AwardingCallSummary> calls = [];
    private IReadOnlyList<GranteeAward>? granteeAwards;
    private int selectedCallId;
    private AwardingCall? call;
    private AwardCandidate? editing;
    private AwardForm? form;
    private bool loading = true;

    [SupplyParameterFromQuery(Name = "call")]
    private int? RequestedCall { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (User is null)
        {
            return;
        }

        // One address, two readers: officers decide awards here; an organization follows its own.
        if (User.IsIn(Roles.Applicant))
        {
            granteeAwards = await GranteeAwards.ListForOrganizationAsync(User);
            loading = false;
            return;
        }

        calls = await Awards.ListCallsAsync(User);
        selectedCallId = RequestedCall is { } requested && calls.Any(c => c.Id == requested) ? requested : AwardingCallSummary.Default(calls);
        await LoadCallAsync();
        loading = false;
    }

    private async Task SelectCallAsync(int id)
    {
        selectedCallId = id;
        editing = null;
        LastResult = null;
        await LoadCallAsync();
    }

    private async Task LoadCallAsync() => call = User is null || selectedCallId == 0 ? null : await Awards.GetCallAsync(User, selectedCallId);

    private void StartAward(AwardCandidate candidate)
    {
        editing = candidate;
        LastResult = null;
        form = AwardForm.Proposed(candidate.ApplicationId, candidate.Requested, Seoul.Today(Clock), candidate.StartDate, candidate.EndDate);
    }

    private void CloseEditor()
    {
        editing = null;
        LastResult = null;
    }

    /// <summary>A refusal shows in the open editor; a saved award opens its page.</summary>
    private async Task SaveAwardAsync()
    {
        var result = await RunAsync(() => AwardApplication.AwardAsync(User!, form!));
        if (result is { Succeeded: true })
        {
            Navigation.NavigateTo($"/awards/{result.Value}");
        }
    }

    private async Task FinalizeAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Awards_FinalizeTitle"],
            L["Awards_FinalizeConfirm"],
            yesText: L["Awards_FinalizeYes"],
            cancelText: L["Awards_Dismiss"]);
        if (confirmed != true)
        {
            return;
        }

        // Finalizing fixes the call's decisions, so an award half entered is put away and the answer shows on the page.
        editing = null;
        await RunAsync(async () =>
        {
            var result = await FinalizeCall.FinalizeAsync(User!, selectedCallId);
            await LoadCallAsync();
            return result;
        });
    }
}

using GrantPortal.Web.Features.Lists;

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

    private string? search;
    private ListAddress? address;

    [SupplyParameterFromQuery(Name = "call")]
    private int? RequestedCall { get; set; }

    /// <summary>Words of a project, organization or receipt number: narrows the candidates shown.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    private string? RequestedSearch { get; set; }

    private ListAddress Address => address ??= new(JS, Navigation);

    private IEnumerable<AwardCandidate> ShownCandidates => call is null ? [] :
        call.Candidates.Where(c => ListSearch.Matches(search, c.ProjectTitle, c.OrganizationName.Korean, c.OrganizationName.English, c.ReceiptNumber));

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

        search = RequestedSearch;
        Address.AsksAnew((RequestedCall, RequestedSearch));
        calls = await Awards.ListCallsAsync(User);
        selectedCallId = RequestedCall is { } requested && calls.Any(c => c.Id == requested) ? requested : AwardingCallSummary.Default(calls);
        await LoadCallAsync();
        loading = false;
    }

    /// <summary>A saved view or a bookmark opened while the page is open: show its call and search.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (loading || granteeAwards is not null || !Address.AsksAnew((RequestedCall, RequestedSearch)))
        {
            return;
        }

        search = RequestedSearch;
        if (RequestedCall is { } requested && requested != selectedCallId && calls.Any(c => c.Id == requested))
        {
            await ShowCallAsync(requested);
        }
    }

    private async Task SelectCallAsync(int id)
    {
        await ShowCallAsync(id);
        await WriteAddressAsync();
    }

    private async Task ShowCallAsync(int id)
    {
        selectedCallId = id;
        editing = null;
        LastResult = null;
        await LoadCallAsync();
    }

    private async Task SearchChanged(string? text)
    {
        // Kept as typed: trimming would eat the space before a second word.
        search = string.IsNullOrWhiteSpace(text) ? null : text;
        await WriteAddressAsync();
    }

    /// <summary>The address says which call and search are shown, so it can be bookmarked or saved as a view; the history entry is replaced.</summary>
    private Task WriteAddressAsync() =>
        Address.WriteAsync(RendererInfo.IsInteractive, new Dictionary<string, object?> { ["call"] = selectedCallId, ["q"] = search });

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

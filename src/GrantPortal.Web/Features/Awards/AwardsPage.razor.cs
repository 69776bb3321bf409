using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace GrantPortal.Web.Features.Awards;

public sealed partial class AwardsPage
{
    private IReadOnlyList<AwardingCallSummary> calls = [];
    private IReadOnlyList<GranteeAward>? granteeAwards;
    private int selectedCallId;
    private AwardingCall? call;
    private AwardCandidate? editing;
    private AwardForm? form;
    private string? editorError;
    private string? message;
    private bool messageIsError;
    private bool loading = true;
    private bool busy;
    private CurrentUser? user;

    [Inject]
    private AwardService Awards { get; set; } = default!;

    [Inject]
    private IClock Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "call")]
    private int? RequestedCall { get; set; }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        if (user is null)
        {
            return;
        }

        // One address, two readers: officers decide awards here; an organization follows its own.
        if (user.IsIn(Roles.Applicant))
        {
            granteeAwards = await Awards.ListForOrganizationAsync(user);
            loading = false;
            return;
        }

        calls = await Awards.ListCallsAsync(user);
        selectedCallId = RequestedCall is { } requested && calls.Any(c => c.Id == requested) ? requested : AwardingCallSummary.Default(calls);
        await LoadCallAsync();
        loading = false;
    }

    private async Task SelectCallAsync(int id)
    {
        selectedCallId = id;
        editing = null;
        message = null;
        await LoadCallAsync();
    }

    private async Task LoadCallAsync() => call = user is null || selectedCallId == 0 ? null : await Awards.GetCallAsync(user, selectedCallId);

    private void StartAward(AwardCandidate candidate)
    {
        editing = candidate;
        editorError = null;
        message = null;
        form = AwardForm.Proposed(candidate.ApplicationId, candidate.Requested, Seoul.Today(Clock), candidate.StartDate, candidate.EndDate);
    }

    private async Task SaveAwardAsync()
    {
        busy = true;
        try
        {
            var result = await Awards.AwardAsync(user!, form!);
            if (!result.Succeeded)
            {
                editorError = result.Message;
                return;
            }

            Navigation.NavigateTo($"/awards/{result.AwardId}");
        }
        finally
        {
            busy = false;
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

        busy = true;
        try
        {
            var result = await Awards.FinalizeAsync(user!, selectedCallId);
            message = result.Message;
            messageIsError = !result.Succeeded;
            await LoadCallAsync();
        }
        finally
        {
            busy = false;
        }
    }
}

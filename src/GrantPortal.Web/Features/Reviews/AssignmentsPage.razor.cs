using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GrantPortal.Web.Features.Reviews;

public sealed partial class AssignmentsPage
{
    private readonly Dictionary<int, string> selected = [];
    private CurrentUser? user;
    private AssignmentBoard? board;
    private AssignmentPreview? preview;
    private bool loading = true;
    private bool busy;
    private string? message;
    private bool messageIsError;
    private int? reasonFor;
    private string? reason;
    private (string ReviewerId, ConflictSource Source)? lifting;
    private int? reopening;

    [Parameter]
    public int CallId { get; set; }

    [Inject]
    private AssignmentService Assignments { get; set; } = default!;

    [Inject]
    private ReviewService Reviews { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    protected override async Task OnParametersSetAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        board = user is null ? null : await Assignments.GetBoardAsync(user, CallId);
        foreach (var application in board?.Applications ?? [])
        {
            selected.TryAdd(application.Id, "");
        }

        loading = false;
    }

    private async Task PreviewAsync()
    {
        busy = true;
        preview = await Assignments.PreviewAsync(user!, CallId);
        message = null;
        busy = false;
    }

    private async Task ApplyAsync()
    {
        busy = true;
        Show(await Assignments.AssignAutomaticallyAsync(user!, CallId), L["Assignment_Applied"]);
        preview = null;
        await LoadAsync();
        busy = false;
    }

    private async Task AddAsync(int applicationId)
    {
        var result = await Assignments.AddAsync(user!, applicationId, selected[applicationId]);
        if (result.NeedsConfirmation)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                L["Assignment_Add"],
                result.Warning!,
                yesText: L["Assignment_AssignAnyway"],
                cancelText: L["Application_Cancel"]);
            if (confirmed != true)
            {
                return;
            }

            result = await Assignments.AddAsync(user!, applicationId, selected[applicationId], confirmBeyondTarget: true);
        }

        Show(result, L["Assignment_ReviewerAdded"]);
        selected[applicationId] = "";
        await LoadAsync();
    }

    private async Task RemoveAsync(int assignmentId)
    {
        Show(await Assignments.RemoveAsync(user!, assignmentId), L["Assignment_Removed"]);
        await LoadAsync();
    }

    private void StartReopen(int applicationId, int assignmentId)
    {
        lifting = null;
        reopening = assignmentId;
        reason = null;
        reasonFor = applicationId;
    }

    private void StartPin(int applicationId)
    {
        reopening = null;
        lifting = null;
        reason = null;
        reasonFor = applicationId;
    }

    private void StartLift(int applicationId, BoardConflict conflict)
    {
        reopening = null;
        lifting = (conflict.ReviewerId, conflict.Source);
        reason = null;
        reasonFor = applicationId;
    }

    private async Task ConfirmReasonAsync()
    {
        if (reasonFor is not { } applicationId)
        {
            return;
        }

        if (reopening is { } assignmentId)
        {
            var reopened = await Reviews.ReopenAsync(user!, assignmentId, reason ?? "");
            Show(reopened ? AssignmentChange.Done() : new AssignmentChange(false, L["Conflicts_ReasonRequired"]), L["Assignment_Reopened"]);
            if (reopened)
            {
                reasonFor = null;
                reopening = null;
            }

            await LoadAsync();
            return;
        }

        var result = lifting is { } lift
            ? await Assignments.LiftConflictAsync(user!, applicationId, lift.ReviewerId, lift.Source, reason ?? "")
            : await Assignments.PinConflictAsync(user!, applicationId, selected[applicationId], reason ?? "");
        Show(result, L["Conflicts_Saved"]);
        if (result.Succeeded)
        {
            reasonFor = null;
            selected[applicationId] = "";
        }

        await LoadAsync();
    }

    private void Show(AssignmentChange change, string success)
    {
        messageIsError = !change.Succeeded;
        message = change.Succeeded ? success : change.Error;
    }
}

using GrantPortal.Web.Components;

namespace GrantPortal.Web.Features.Reviews;

public sealed partial class AssignmentsPage
{
    private readonly Dictionary<int, string> selected = [];
    private readonly HashSet<int> selectedApplications = [];
    private Result<BatchSummary>? batchResult;
    private string batchDoneKey = "Assignment_BatchAssigned";
    private string? batchReviewer;
    private AssignmentBoard? board;
    private AssignmentPreview? preview;
    private bool loading = true;
    private string? doneText;
    private int? reasonFor;
    private string? reason;
    private (string ReviewerId, ConflictSource Source)? lifting;
    private int? reopening;

    [Parameter]
    public int CallId { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        board = User is null ? null : await Assignments.GetBoardAsync(User, CallId);
        foreach (var application in board?.Applications ?? [])
        {
            selected.TryAdd(application.Id, "");
        }

        selectedApplications.IntersectWith(board?.Applications.Select(a => a.Id) ?? []);

        loading = false;
    }

    private async Task PreviewAsync()
    {
        LastResult = null;
        preview = await Assignments.PreviewAsync(User!, CallId);
    }

    private async Task ApplyAsync()
    {
        await RunShowingAsync(() => AssignReviewers.AssignAutomaticallyAsync(User!, CallId), L["Assignment_Applied"]);
        preview = null;
    }

    private async Task AddAsync(int applicationId)
    {
        var reviewerId = selected[applicationId];
        // Beyond the call's number of reviewers Core asks first, and the officer confirms or not.
        var result = await RunShowingAsync(
            () => Dialogs.SendConfirmingAsync(
                confirmed => AddReviewer.AddAsync(User!, applicationId, reviewerId, confirmBeyondTarget: confirmed),
                added => added.NeedsConfirmation,
                L["Assignment_Add"],
                L["Assignment_AssignAnyway"],
                L["Application_Cancel"]),
            L["Assignment_ReviewerAdded"]);
        if (result is { Value.NeedsConfirmation: true })
        {
            // The officer did not mean an extra reviewer: nothing was assigned, and there is nothing to report.
            LastResult = null;
            return;
        }

        selected[applicationId] = "";
    }

    private async Task RemoveAsync(int assignmentId) =>
        await RunShowingAsync(() => RemoveReviewer.RemoveAsync(User!, assignmentId), L["Assignment_Removed"]);

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

        var given = reason ?? "";
        var result = (reopening, lifting) switch
        {
            ({ } assignmentId, _) => await RunShowingAsync(() => ReopenReview.ReopenAsync(User!, assignmentId, given), L["Assignment_Reopened"]),
            (_, { } lift) => await RunShowingAsync(() => LiftConflict.LiftConflictAsync(User!, applicationId, lift.ReviewerId, lift.Source, given), L["Conflicts_Saved"]),
            _ => await RunShowingAsync(() => PinConflict.PinConflictAsync(User!, applicationId, selected[applicationId], given), L["Conflicts_Saved"]),
        };
        if (result is { Succeeded: true })
        {
            if (reopening is null)
            {
                selected[applicationId] = "";
            }

            reasonFor = null;
            reopening = null;
        }
    }

    private bool AllSelected => board is { Applications.Count: > 0 } && board.Applications.All(a => selectedApplications.Contains(a.Id));

    private bool CanRunBatch => selectedApplications.Count > 0 && !string.IsNullOrEmpty(batchReviewer) && !Busy;

    private void Select(int applicationId, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            selectedApplications.Add(applicationId);
        }
        else
        {
            selectedApplications.Remove(applicationId);
        }
    }

    private void SelectAll(ChangeEventArgs e)
    {
        selectedApplications.Clear();
        if (e.Value is true && board is not null)
        {
            selectedApplications.UnionWith(board.Applications.Select(a => a.Id));
        }
    }

    /// <summary>Assigns the picked reviewer to (or takes them off) every ticked application, after the officer confirms the count.</summary>
    private async Task RunSelectedAsync(bool assign)
    {
        if (board is null || batchReviewer is not { Length: > 0 } reviewerId)
        {
            return;
        }

        var ids = selectedApplications.ToList();
        var one = ids.Count == 1 ? "One" : "";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L[assign ? "Assignment_BatchAssign" : "Assignment_BatchUnassign"],
            L[(assign ? "Assignment_BatchAssignConfirm" : "Assignment_BatchUnassignConfirm") + one, ids.Count, board.ReviewerName(reviewerId)],
            yesText: L[assign ? "Assignment_Add" : "Assignment_BatchUnassignYes"],
            cancelText: L["Application_Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var result = await RunAsync(() => assign
            ? AssignSelected.AssignAsync(User!, CallId, ids, reviewerId)
            : AssignSelected.UnassignAsync(User!, CallId, ids, reviewerId));
        if (result is null)
        {
            return;
        }

        LastResult = null;
        batchDoneKey = assign ? "Assignment_BatchAssigned" : "Assignment_BatchUnassigned";
        batchResult = result;
        await LoadAsync();
    }

    /// <summary>Runs one change of the board, says how it ended (<paramref name="done"/> when it is done) and shows the board afresh.</summary>
    private async Task<T?> RunShowingAsync<T>(Func<Task<T>> change, string done)
        where T : class, IUseCaseResult
    {
        doneText = done;
        var result = await RunAsync(change);
        await LoadAsync();
        return result;
    }
}

using GrantPortal.Core.Organizations;
using GrantPortal.Web.Components.Shared;
using GrantPortal.Web.Features.Lists;

namespace GrantPortal.Web.Features.Organizations;

/// <summary>The batch part of the list: ticked rows, verified or rejected together after the officer confirms the count.</summary>
public sealed partial class OrganizationsPage
{
    private readonly HashSet<int> selected = [];
    private Result<BatchSummary>? batchResult;
    private string batchDoneKey = "Organizations_BatchVerified";

    private string? search;

    // A long pending list is paged: the officer finds one organization by a part of its name (either language) or its
    // registration number, typed with or without the dashes.
    private bool Matches(OrganizationToVerify row)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var digits = search.Trim().Replace("-", "", StringComparison.Ordinal);
        return ListSearch.Matches(search, row.Name, row.NameKorean)
            || (digits.Length > 0 && row.RegistrationNumber.Replace("-", "", StringComparison.Ordinal).Contains(digits, StringComparison.Ordinal));
    }

    /// <summary>The rows the search lets through: "select all" means these, not the ones the search hides.</summary>
    private IEnumerable<OrganizationToVerify> Shown => rows?.Where(Matches) ?? [];

    private bool AllSelected => Shown.Any() && Shown.All(r => selected.Contains(r.Id));

    private void Select(int id, bool on)
    {
        if (on)
        {
            selected.Add(id);
        }
        else
        {
            selected.Remove(id);
        }
    }

    private void SelectAll(bool on)
    {
        if (on)
        {
            selected.UnionWith(Shown.Select(r => r.Id));
        }
        else
        {
            selected.ExceptWith(Shown.Select(r => r.Id));
        }
    }

    /// <summary>The ticked organizations with the version the list showed, so a batch skips any that changed since.</summary>
    private List<SeenOrganization> Ticked() =>
        rows?.Where(r => selected.Contains(r.Id)).Select(r => new SeenOrganization(r.Id, r.Version)).ToList() ?? [];

    private async Task VerifySelectedAsync()
    {
        var ids = Ticked();
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Organizations_BatchVerify"],
            L[ids.Count == 1 ? "Organizations_BatchVerifyConfirmOne" : "Organizations_BatchVerifyConfirm", ids.Count],
            yesText: L["Organizations_Verify"],
            cancelText: L["CallEdit_Cancel"]);
        if (confirmed == true)
        {
            await RunBatchAsync(() => BatchVerification.VerifyAsync(User!, ids, CancellationToken.None), "Organizations_BatchVerified");
        }
    }

    private async Task RejectSelectedAsync()
    {
        var ids = Ticked();
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Message, L["Organizations_BatchRejectMessage"].Value },
            { d => d.Label, L["Organizations_Reason"].Value },
            { d => d.RequiredText, L["Organizations_ReasonRequired"].Value },
            { d => d.ConfirmText, L["Organizations_Reject"].Value },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(L[ids.Count == 1 ? "Organizations_BatchRejectConfirmOne" : "Organizations_BatchRejectConfirm", ids.Count], parameters);
        var outcome = await dialog.Result;
        if (outcome is { Canceled: false, Data: string reason })
        {
            await RunBatchAsync(() => BatchVerification.RejectAsync(User!, ids, reason, CancellationToken.None), "Organizations_BatchRejected");
        }
    }

    // Busy (from RunAsync) disables the bar's buttons until the batch ends, so a second click cannot start it again.
    private async Task RunBatchAsync(Func<Task<Result<BatchSummary>>> run, string doneKey)
    {
        if (await RunAsync(run) is not { } result)
        {
            return;
        }

        batchDoneKey = doneKey;
        batchResult = result;
        await LoadAsync();
    }
}

using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using NodaTime;

namespace GrantPortal.Web.Features.Reporting;

/// <summary>
/// A project report. The grantee's form saves itself shortly after typing stops, always with the version it was
/// built from, so a stale tab is told instead of overwriting; the officer approves or returns it.
/// </summary>
public sealed partial class ReportPage : IAsyncDisposable
{
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(1.5);

    private readonly SemaphoreSlim saveGate = new(1, 1);
    private ReportView? view;
    private ReportDraft form = new();
    private CancellationTokenSource? debounce;
    private bool loading = true;
    private bool saving;
    private bool uploading;
    private bool dirty;
    private int version;
    private Instant? savedAt;
    private string? doneText;
    private string? uploadError;
    private string? reviewComment;

    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        loading = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (debounce is not null)
        {
            await debounce.CancelAsync();
            debounce.Dispose();
        }

        // Leaving the page must not lose what was typed in the last moment.
        if (dirty && User is not null && view is { CanEdit: true })
        {
            await Drafts.SaveDraftAsync(User, view.Id, version, form, CancellationToken.None);
        }

        saveGate.Dispose();
    }

    /// <summary>window.print through Blazor's interop: the Content-Security-Policy allows no inline script.</summary>
    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");

    private async Task LoadAsync()
    {
        view = User is null ? null : await Reports.GetAsync(User, Id, CancellationToken.None);
        if (view is not null)
        {
            form = view.Form;
            version = view.Version;
        }
    }

    private LocalDate? PeriodEnd => view is { Baseline.IsWholeBudget: false } ? view.Baseline.PeriodEnd : null;

    private void Change(Action apply)
    {
        apply();
        dirty = true;
        debounce?.Cancel();
        debounce?.Dispose();
        debounce = new CancellationTokenSource();
        _ = SaveAfterPauseAsync(debounce.Token);
    }

    private async Task SaveAfterPauseAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(AutosaveDelay, ct);
            await InvokeAsync(SaveNowAsync);
        }
        catch (OperationCanceledException)
        {
            // More typing came; the next pause saves.
        }
    }

    private async Task SaveNowAsync()
    {
        if (!dirty || User is null || view is null)
        {
            return;
        }

        await saveGate.WaitAsync();
        try
        {
            saving = true;
            StateHasChanged();
            dirty = false;
            var result = await Drafts.SaveDraftAsync(User, view.Id, version, form, CancellationToken.None);
            if (result.Succeeded)
            {
                version = result.Value!.Version;
                savedAt = Clock.GetCurrentInstant();
                await LearnLineIdsAsync();

                // A save that goes through clears the last save's complaint; a notice of a submission or review stays.
                LastResult = LastResult is { Succeeded: false } ? null : LastResult;
            }
            else
            {
                LastResult = result;
            }
        }
        finally
        {
            saving = false;
            saveGate.Release();
            StateHasChanged();
        }
    }

    /// <summary>
    /// The first save creates the spending lines: the form learns their ids (evidence is uploaded against them) without
    /// losing what was typed since.
    /// </summary>
    private async Task LearnLineIdsAsync()
    {
        if (User is null || view is null || form.SpendingLines.All(l => l.SpendingLineId is not null))
        {
            return;
        }

        var saved = await Reports.GetAsync(User, view.Id, CancellationToken.None);
        for (var i = 0; saved is not null && i < form.SpendingLines.Count; i++)
        {
            var line = form.SpendingLines[i];
            if (saved.Form.SpendingLines.FirstOrDefault(l => l.BudgetLineId == line.BudgetLineId && l.Item == line.Item) is { SpendingLineId: { } id })
            {
                form.SpendingLines[i] = line with { SpendingLineId = id };
            }
        }
    }

    private async Task SubmitAsync()
    {
        if (User is null || view is null)
        {
            return;
        }

        await RunAsync(async () =>
        {
            debounce?.Cancel();
            await saveGate.WaitAsync();
            try
            {
                var result = await Submission.SubmitAsync(User, view.Id, version, form, CancellationToken.None);
                if (result.Succeeded)
                {
                    dirty = false;
                    doneText = L["Reports_Submitted"];
                    await LoadAsync();
                }

                return result;
            }
            finally
            {
                saveGate.Release();
            }
        });
    }

    private Task ApproveAsync() => ReviewAsync(approve: true);

    private Task ReturnAsync() => ReviewAsync(approve: false);

    private async Task ReviewAsync(bool approve)
    {
        if (User is null || view is null)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var result = approve
                ? await Review.ApproveAsync(User, view.Id, view.Version, reviewComment, CancellationToken.None)
                : await Review.ReturnAsync(User, view.Id, view.Version, reviewComment ?? "", CancellationToken.None);
            if (result.Succeeded)
            {
                var unlocked = result.Value!.UnlockedTranches.Count;
                doneText = approve
                    ? (unlocked > 0 ? L["Reports_ApprovedUnlocks", unlocked] : L["Reports_Approved"])
                    : L["Reports_Returned"];
                reviewComment = null;
                await LoadAsync();
            }

            return result;
        });
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || User is null || view is null)
        {
            return;
        }

        uploading = true;
        uploadError = null;
        try
        {
            await using var stream = file.OpenReadStream(long.MaxValue);
            var result = await Receipts.UploadReceiptAsync(User, view.Id, file.Name, stream, CancellationToken.None);
            if (result.Succeeded)
            {
                var keep = form;
                await LoadAsync();

                // The upload must not throw away typing that is not saved yet.
                form = keep;
            }
            else
            {
                uploadError = result.Message ?? L["Reports_NotFound"];
            }
        }
        finally
        {
            uploading = false;
        }
    }
}

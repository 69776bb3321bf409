using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Reporting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using NodaTime;

namespace GrantPortal.Web.Features.Reports;

/// <summary>
/// A project report. The grantee's form saves itself shortly after typing stops, always with the version it was
/// built from, so a stale tab is told instead of overwriting; the officer approves or returns it.
/// </summary>
public sealed partial class ReportPage : IAsyncDisposable
{
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(1.5);

    private readonly SemaphoreSlim saveGate = new(1, 1);
    private CurrentUser? user;
    private ReportView? view;
    private ReportDraft form = new();
    private IReadOnlyList<FieldError> errors = [];
    private CancellationTokenSource? debounce;
    private bool loading = true;
    private bool saving;
    private bool busy;
    private bool uploading;
    private bool dirty;
    private int version;
    private Instant? savedAt;
    private string? message;
    private string? uploadError;
    private string? reviewComment;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private ReportService Reports { get; set; } = default!;

    [Inject]
    private AttachmentStore Store { get; set; } = default!;

    [Inject]
    private IClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
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
        if (dirty && user is not null && view is { CanEdit: true })
        {
            await Reports.SaveDraftAsync(user, view.Id, version, form, CancellationToken.None);
        }

        saveGate.Dispose();
    }

    private async Task LoadAsync()
    {
        view = user is null ? null : await Reports.GetAsync(user, Id, CancellationToken.None);
        if (view is not null)
        {
            form = view.Form;
            version = view.Version;
        }
    }

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
        if (!dirty || user is null || view is null)
        {
            return;
        }

        await saveGate.WaitAsync();
        try
        {
            saving = true;
            StateHasChanged();
            dirty = false;
            var result = await Reports.SaveDraftAsync(user, view.Id, version, form, CancellationToken.None);
            errors = result.Errors;
            if (result.Succeeded)
            {
                version = result.Version;
                savedAt = Clock.GetCurrentInstant();
            }
        }
        finally
        {
            saving = false;
            saveGate.Release();
            StateHasChanged();
        }
    }

    private async Task SubmitAsync()
    {
        if (user is null || view is null)
        {
            return;
        }

        busy = true;
        debounce?.Cancel();
        await saveGate.WaitAsync();
        try
        {
            var result = await Reports.SubmitAsync(user, view.Id, version, form, CancellationToken.None);
            errors = result.Errors;
            if (result.Succeeded)
            {
                dirty = false;
                message = L["Reports_Submitted"];
                await LoadAsync();
            }
        }
        finally
        {
            saveGate.Release();
            busy = false;
        }
    }

    private Task ApproveAsync() => ReviewAsync(approve: true);

    private Task ReturnAsync() => ReviewAsync(approve: false);

    private async Task ReviewAsync(bool approve)
    {
        if (user is null || view is null)
        {
            return;
        }

        busy = true;
        try
        {
            var result = approve
                ? await Reports.ApproveAsync(user, view.Id, view.Version, reviewComment, CancellationToken.None)
                : await Reports.ReturnAsync(user, view.Id, view.Version, reviewComment ?? "", CancellationToken.None);
            errors = result.Errors;
            if (result.Succeeded)
            {
                message = approve
                    ? (result.UnlockedTranches.Count > 0 ? L["Reports_ApprovedUnlocks", result.UnlockedTranches.Count] : L["Reports_Approved"])
                    : L["Reports_Returned"];
                reviewComment = null;
                await LoadAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || user is null || view is null)
        {
            return;
        }

        uploading = true;
        uploadError = null;
        try
        {
            await using var stream = file.OpenReadStream(long.MaxValue);
            var result = await Reports.UploadReceiptAsync(user, view.Id, file.Name, stream, Store, CancellationToken.None);
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

using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace GrantPortal.Web.Features.Applications;

public sealed partial class ApplicationPage
{
    private ApplicationView? view;
    private ApplicationInformation? information;
    private bool loading = true;
    private string? justSubmitted;
    private bool confirmingWithdrawal;
    private string? withdrawReason;

    [Parameter]
    public int Id { get; set; }

    /// <summary>The reason field's own error (it is required); every other refusal shows as an alert.</summary>
    private string? WithdrawReasonError => LastResult is { Outcome: Outcome.Invalid } invalid ? invalid.Errors[0].Message : null;

    protected override async Task OnParametersSetAsync()
    {
        // The same page shows another application after "revise": nothing of the previous one carries over.
        justSubmitted = null;
        LastResult = null;
        confirmingWithdrawal = false;
        await ReadAsync();
        loading = false;
    }

    /// <summary>window.print through Blazor's interop: the Content-Security-Policy allows no inline script.</summary>
    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");

    private Task<Result<DraftSaved>> SaveAsync(ApplicationDraft form, int version) => Drafts.SaveDraftAsync(User!, Id, form, version);

    private Task<Result<SubmissionReceipt>> SubmitAsync() => Submission.SubmitAsync(User!, Id);

    private async Task<Result<AttachmentView>> UploadAsync(IBrowserFile file, string? questionKey)
    {
        try
        {
            // One byte over the limit lets the store see the file is too large and say so in its own words.
            await using var stream = file.OpenReadStream(AttachmentOptions.Value.MaxFileBytes + 1);
            return await Uploads.UploadAsync(User!, Id, file.Name, stream, questionKey);
        }
        catch (IOException)
        {
            return Result.Refused(L["Attachment_UploadInterrupted"]);
        }
    }

    private Task<Result> DeleteAttachmentAsync(int attachmentId) => Deletions.DeleteAsync(User!, attachmentId);

    private async Task OnSubmittedAsync(string receipt)
    {
        justSubmitted = receipt;
        await ReadAsync();
    }

    /// <summary>The application and its requests for more information in one read, which the page hands to the requests panel.</summary>
    private async Task ReadAsync()
    {
        var page = User is null ? null : await Applications.GetPageAsync(User, Id);
        view = page?.Application;
        information = page?.Information;
    }

    private void ConfirmWithdrawal(bool confirming)
    {
        confirmingWithdrawal = confirming;
        LastResult = null;
    }

    /// <summary>The button stays disabled while the revision is made; Core makes one revision however many clicks arrive.</summary>
    private async Task ReviseAsync()
    {
        if (await RunAsync(() => Revision.ReviseAsync(User!, Id)) is { Succeeded: true } revision)
        {
            Navigation.NavigateTo($"/applications/{revision.Value}");
        }
    }

    private async Task WithdrawAsync()
    {
        if (await RunAsync(() => Withdrawal.WithdrawAsync(User!, Id, withdrawReason)) is { Succeeded: true })
        {
            confirmingWithdrawal = false;
            LastResult = null;
            await ReadAsync();
        }
    }
}

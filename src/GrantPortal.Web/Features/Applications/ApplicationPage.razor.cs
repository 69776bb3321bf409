using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Features.Applications;

public sealed partial class ApplicationPage
{
    private CurrentUser? user;
    private ApplicationView? view;
    private bool loading = true;
    private string? justSubmitted;
    private bool confirmingWithdrawal;
    private bool withdrawing;
    private string? withdrawReason;
    private string? withdrawError;
    private bool revising;
    private string? reviseError;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private ApplicationService Applications { get; set; } = default!;

    [Inject]
    private AttachmentStore Attachments { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptions<AttachmentOptions> AttachmentOptions { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    protected override async Task OnParametersSetAsync()
    {
        // The same page shows another application after "revise": nothing of the previous one carries over.
        justSubmitted = null;
        reviseError = null;
        confirmingWithdrawal = false;
        user = CurrentUser.From((await AuthenticationState).User);
        view = user is null ? null : await Applications.GetAsync(user, Id);
        loading = false;
    }

    private Task<DraftSaveResult> SaveAsync(ApplicationDraft form, int version) => Applications.SaveDraftAsync(user!, Id, form, version);

    private Task<SubmitResult> SubmitAsync() => Applications.SubmitAsync(user!, Id);

    private async Task<AttachmentUploadResult> UploadAsync(IBrowserFile file)
    {
        try
        {
            // One byte over the limit lets the store see the file is too large and say so in its own words.
            await using var stream = file.OpenReadStream(AttachmentOptions.Value.MaxFileBytes + 1);
            return await Attachments.UploadAsync(user!, Id, file.Name, stream);
        }
        catch (IOException)
        {
            return new AttachmentUploadResult(null, L["Attachment_UploadInterrupted"]);
        }
    }

    private Task<string?> DeleteAttachmentAsync(int attachmentId) => Attachments.DeleteAsync(user!, attachmentId);

    private async Task OnSubmittedAsync(string receipt)
    {
        justSubmitted = receipt;
        view = await Applications.GetAsync(user!, Id);
    }

    private async Task ReviseAsync()
    {
        // The button stays disabled while the revision is made; Core makes one revision however many clicks arrive.
        revising = true;
        try
        {
            var result = await Applications.ReviseAsync(user!, Id);
            reviseError = result.Error;
            if (result.ApplicationId is { } revisionId)
            {
                Navigation.NavigateTo($"/applications/{revisionId}");
            }
        }
        finally
        {
            revising = false;
        }
    }

    private async Task WithdrawAsync()
    {
        withdrawing = true;
        try
        {
            var result = await Applications.WithdrawAsync(user!, Id, withdrawReason);
            withdrawError = result.Error;
            if (result.Succeeded)
            {
                confirmingWithdrawal = false;
                view = await Applications.GetAsync(user!, Id);
            }
        }
        finally
        {
            withdrawing = false;
        }
    }
}

using Microsoft.AspNetCore.Components.Forms;

namespace GrantPortal.Web.Features.ConceptNotes;

/// <summary>
/// A concept note: the built-in title and summary, then the call's concept-note form through the shared renderer
/// (conditions, counters, every question type, files, each question's error), saved and submitted through Core.
/// </summary>
public sealed partial class ConceptNotePage
{
    private ConceptNoteView? view;
    private ConceptNoteDraft draft = new();
    private List<AttachmentView> attachments = [];
    private bool loading = true;
    private string? doneText;

    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        LastResult = null;
        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        view = User is null ? null : await ConceptNotes.GetAsync(User, Id);
        draft = view is null ? new() : view.Draft with { Answers = new Dictionary<string, string>(view.Draft.Answers) };
        attachments = view?.Attachments.ToList() ?? [];
    }

    private string? ErrorOf(string field) => LastResult?.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Saving keeps the screen as typed; a refused save (another tab saved first) loses nothing here.</summary>
    private async Task<bool> SaveDraftAsync()
    {
        if (await RunAsync(() => Saving.SaveAsync(User!, Id, draft, view!.Version)) is { Succeeded: true, Value: { } saved })
        {
            view = view! with { Version = saved.Version };
            return true;
        }

        return false;
    }

    private async Task SaveAsync()
    {
        doneText = L["ConceptNote_Saved"];
        await SaveDraftAsync();
    }

    private async Task SubmitAsync()
    {
        if (!await SaveDraftAsync())
        {
            return;
        }

        if (await RunAsync(() => Submission.SubmitAsync(User!, Id)) is { Succeeded: true, Value: { } receipt })
        {
            doneText = L["ConceptNote_Submitted", receipt.ReceiptNumber];
            await LoadAsync();
        }
    }

    private async Task<Result<AttachmentView>> UploadAsync(string questionKey, IBrowserFile file)
    {
        Result<AttachmentView> result;
        try
        {
            // One byte over the limit lets the store see the file is too large and say so in its own words.
            await using var stream = file.OpenReadStream(AttachmentOptions.Value.MaxFileBytes + 1);
            result = await Uploads.UploadAsync(User!, Id, file.Name, stream, questionKey);
        }
        catch (IOException)
        {
            return Result.Refused(L["Attachment_UploadInterrupted"]);
        }

        if (result is { Succeeded: true, Value: { } attachment })
        {
            attachments.Add(attachment);
        }

        return result;
    }

    private async Task RemoveFileAsync(AttachmentView file)
    {
        LastResult = await Deletions.DeleteAsync(User!, file.Id);
        if (LastResult.Succeeded)
        {
            attachments.RemoveAll(a => a.Id == file.Id);
            LastResult = null;
        }
    }

    private async Task StartFullProposalAsync()
    {
        if (await RunAsync(() => FullProposals.StartAsync(User!, Id)) is { Succeeded: true } started)
        {
            Navigation.NavigateTo($"/applications/{started.Value}");
        }
    }
}

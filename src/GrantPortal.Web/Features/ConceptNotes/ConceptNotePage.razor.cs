namespace GrantPortal.Web.Features.ConceptNotes;

public sealed partial class ConceptNotePage
{
    private ConceptNoteView? view;
    private ConceptNoteDraft draft = new();
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
    }

    private string Answer(string key) => draft.Answers.GetValueOrDefault(key) ?? "";

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

    private async Task StartFullProposalAsync()
    {
        if (await RunAsync(() => FullProposals.StartAsync(User!, Id)) is { Succeeded: true } started)
        {
            Navigation.NavigateTo($"/applications/{started.Value}");
        }
    }
}

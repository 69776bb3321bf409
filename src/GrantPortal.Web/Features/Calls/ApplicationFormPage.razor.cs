namespace GrantPortal.Web.Features.Calls;

/// <summary>
/// The program officer's form builder for one call: sections and questions of every type, conditions, order, a
/// preview in either language through the applicant's own renderer, copying from an earlier call, and saving as
/// Core's versioning rule says (in place before publication and answers, otherwise a new version). A two-stage call
/// has two forms, the concept note's and the full proposal's; a switch on the page chooses which one is edited
/// (<c>?stage=concept-note</c>, so a reload stays on it).
/// </summary>
public sealed partial class ApplicationFormPage
{
    private readonly Dictionary<string, string> errors = [];
    private CallApplicationForm? current;
    private FormDraft? draft;
    private bool loading = true;
    private bool preview;
    private string previewLanguage = Languages.Korean;
    private FormDefinition previewDefinition = FormDefinition.Empty;
    private Dictionary<string, string> previewAnswers = [];
    private int? copiedFrom;
    private string? copiedText;
    private string? savedText;
    private string loadedFingerprint = "";

    [Parameter]
    public int Id { get; set; }

    /// <summary><c>concept-note</c> for a two-stage call's concept-note form; otherwise the full proposal's form.</summary>
    [SupplyParameterFromQuery(Name = "stage")]
    public string? StageName { get; set; }

    private FormStage Stage => StageName == ConceptNoteStage ? FormStage.ConceptNote : FormStage.Full;

    private const string ConceptNoteStage = "concept-note";

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        if (User is null)
        {
            return;
        }

        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        current = await Forms.GetAsync(User!, Id, Stage, CancellationToken.None);
        draft = current is null ? null : FormDraft.From(current.Definition);
        loadedFingerprint = Fingerprint();
        errors.Clear();
        copiedFrom = null;
        copiedText = null;
        previewLanguage = Language;
    }

    private string? ErrorOf(string field) => errors.GetValueOrDefault(field);

    private string Fingerprint() => draft is null ? "" : FormEdition.Of(0, draft.ToDefinition()).Fingerprint;

    /// <summary>The other form of the call; unsaved changes to this one are only left behind when the officer says so.</summary>
    private async Task SwitchStageAsync(FormStage stage)
    {
        if (Fingerprint() != loadedFingerprint)
        {
            var leave = await Dialogs.ShowMessageBoxAsync(L["Forms_StageSwitch"], L["Forms_StageUnsaved"],
                yesText: L["Forms_StageDiscard"], cancelText: L["CallEdit_Cancel"]);
            if (leave != true)
            {
                return;
            }
        }

        preview = false;
        savedText = null;
        LastResult = null;
        Navigation.NavigateTo(stage == FormStage.ConceptNote ? $"/calls/{Id}/form?stage={ConceptNoteStage}" : $"/calls/{Id}/form");
    }

    private void TogglePreview()
    {
        preview = !preview;
        if (preview)
        {
            // A fresh form each time, as an applicant starting a draft sees it.
            previewDefinition = draft!.ToDefinition();
            previewAnswers = [];
        }
    }

    private async Task CopyFromAsync()
    {
        if (User is null || current is null)
        {
            return;
        }

        var sources = await Forms.ListSourcesAsync(User, Id, CancellationToken.None);
        var parameters = new DialogParameters<CopyFormDialog> { { d => d.Sources, sources } };
        var dialog = await Dialogs.ShowAsync<CopyFormDialog>(L["Forms_CopyFrom"], parameters);
        if (await dialog.Result is not { Canceled: false, Data: int sourceId })
        {
            return;
        }

        var copied = await RunAsync(() => Copy.CopyAsync(User, Id, sourceId, CancellationToken.None));
        if (copied is { Succeeded: true, Value: { } form })
        {
            // Keys already saved for this call stay locked; the copy's new keys may still be changed.
            var saved = current.Definition.Questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
            draft = FormDraft.From(form.Definition, q => !saved.Contains(q.Key));
            copiedFrom = form.SourceCallId;
            copiedText = L["Forms_Copied", $"{form.Year}-{form.Code}", form.Number];
            errors.Clear();
            preview = false;
            LastResult = null;
        }
    }

    private async Task SaveAsync()
    {
        if (Busy || User is null || current is null || draft is null)
        {
            return;
        }

        errors.Clear();
        savedText = null;
        var definition = draft.ToDefinition();
        var result = await RunAsync(() => Save.SaveAsync(User, Id, current.Stage, definition, current.Edition, copiedFrom, CancellationToken.None));
        if (result is null)
        {
            return;
        }

        foreach (var error in result.Errors)
        {
            errors.TryAdd(error.Field, error.Message);
        }

        if (result is { Succeeded: true, Value: { } saved })
        {
            var text = L["Forms_SavedAsVersion", saved.Number].Value;
            savedText = saved.IsPublished ? $"{text} {L["Forms_DraftsMove"]}" : text;
            var notice = savedText;
            await LoadAsync();
            savedText = notice;
        }
    }
}

namespace GrantPortal.Web.Features.Reviews;

/// <summary>
/// The rubric as a form. Every change is saved as a draft; a score outside its scale is marked with the range, stays
/// in its field as typed, and is left out of the draft while everything else keeps saving. Submitting checks
/// everything, asks first, and locks the review.
/// </summary>
public sealed partial class ScoringForm : IDisposable
{
    // Autosaves and the submission each carry the version the previous one returned, so they run one at a time.
    private readonly SemaphoreSlim saving = new(1, 1);

    // The score of each criterion as the server last accepted it: what a draft keeps while a typed score is out of scale.
    private readonly Dictionary<int, decimal?> savedScores = [];
    private IReadOnlyList<FieldError> errors = [];
    private IUseCaseResult? lastResult;
    private bool incomplete;
    private string? saveState;
    private bool busy;
    private int version;

    [Parameter, EditorRequired]
    public ScoreForm Form { get; set; } = default!;

    [Parameter]
    public int Version { get; set; }

    [Parameter]
    public bool Editable { get; set; } = true;

    [Parameter, EditorRequired]
    public Func<ScoreForm, int, Task<Result<int>>> SaveDraft { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<ScoreForm, int, Task<Result<int>>> Submit { get; set; } = default!;

    [Parameter]
    public EventCallback OnSubmitted { get; set; }

    protected override void OnInitialized()
    {
        version = Version;
        foreach (var criterion in Form.Criteria)
        {
            savedScores[criterion.CriterionId] = criterion.Score;
        }
    }

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>
    /// The field's own check, which MudBlazor runs when the field loses focus and which would otherwise clear the mark:
    /// the error this form knows for the score (out of scale, or the server's), so the mark stays.
    /// </summary>
    private Func<decimal?, string?> ScoreValidation(int index) => _ => ErrorFor(ScoreForm.ScoreField(index));

    private async Task ChangedAsync(Action apply)
    {
        apply();
        var local = Form.Validate(L, forSubmission: false);
        errors = local;
        var draft = Saveable(local);
        await saving.WaitAsync();
        try
        {
            var result = await SaveDraft(draft, version);
            Show(result);

            // The server saw no out-of-scale score, so its answer cannot clear the marks put on them here.
            errors = [.. local, .. errors.Where(e => local.All(l => l.Field != e.Field))];
            if (result.Succeeded)
            {
                foreach (var criterion in draft.Criteria)
                {
                    savedScores[criterion.CriterionId] = criterion.Score;
                }
            }

            saveState = !result.Succeeded ? null
                : local.Count > 0 ? L["Reviews_DraftSavedExceptMarked"].Value
                : L["Reviews_DraftSaved"].Value;
        }
        finally
        {
            saving.Release();
        }
    }

    /// <summary>The form as a draft may hold it: a score outside its scale gives way to the one saved before.</summary>
    private ScoreForm Saveable(IReadOnlyList<FieldError> problems) => Form with
    {
        Criteria = Form.Criteria.Select((c, i) => problems.Any(e => e.Field == ScoreForm.ScoreField(i))
            ? c with { Score = savedScores.GetValueOrDefault(c.CriterionId) }
            : c with { }).ToList(),
    };

    public void Dispose() => saving.Dispose();

    private async Task SubmitAsync()
    {
        errors = Form.Validate(L, forSubmission: true);
        incomplete = errors.Count > 0;
        if (incomplete)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Reviews_SubmitConfirmTitle"],
            L["Reviews_SubmitConfirm"],
            yesText: L["Reviews_Submit"],
            cancelText: L["Application_Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        await saving.WaitAsync();
        try
        {
            var result = await Submit(Form, version);
            Show(result);
            if (result.Succeeded)
            {
                await OnSubmitted.InvokeAsync();
            }
        }
        finally
        {
            saving.Release();
            busy = false;
        }
    }

    private void Show(Result<int> result)
    {
        version = result.Value;
        errors = result.Errors;
        lastResult = result;
        incomplete = false;
    }
}

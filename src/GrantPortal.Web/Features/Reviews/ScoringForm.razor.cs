using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Components;

namespace GrantPortal.Web.Features.Reviews;

/// <summary>
/// The rubric as a form. Every change is saved as a draft (out-of-scale scores are shown at once and not saved);
/// submitting checks everything and locks the review.
/// </summary>
public sealed partial class ScoringForm : IDisposable
{
    // Autosaves and the submission each carry the version the previous one returned, so they run one at a time.
    private readonly SemaphoreSlim saving = new(1, 1);
    private IReadOnlyList<FieldError> errors = [];
    private string? generalError;
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
    public Func<ScoreForm, int, Task<ReviewResult>> SaveDraft { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<ScoreForm, int, Task<ReviewResult>> Submit { get; set; } = default!;

    [Parameter]
    public EventCallback OnSubmitted { get; set; }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    protected override void OnInitialized() => version = Version;

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task ChangedAsync(Action apply)
    {
        apply();
        errors = Form.Validate(L, forSubmission: false);
        if (errors.Count > 0)
        {
            saveState = null;
            return;
        }

        await saving.WaitAsync();
        try
        {
            var result = await SaveDraft(Form, version);
            Show(result);
            saveState = result.Succeeded ? L["Reviews_DraftSaved"].Value : null;
        }
        finally
        {
            saving.Release();
        }
    }

    public void Dispose() => saving.Dispose();

    private async Task SubmitAsync()
    {
        errors = Form.Validate(L, forSubmission: true);
        if (errors.Count > 0)
        {
            generalError = L["Reviews_FixErrors"];
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

    private void Show(ReviewResult result)
    {
        version = result.Version;
        errors = result.Errors.Where(e => e.Field.Length > 0).ToList();
        generalError = result.Errors.FirstOrDefault(e => e.Field.Length == 0)?.Message;
    }
}

using Microsoft.AspNetCore.Components.Forms;
using GrantPortal.Web.Features.Forms;
using NodaTime;

namespace GrantPortal.Web.Features.Applications;

/// <summary>
/// The draft form. It saves by itself: shortly after typing stops (at most <see cref="AutosaveDelay"/>) and when a
/// field loses focus, always sending the version it was built from, so a stale tab is told instead of overwriting.
/// </summary>
public sealed partial class ApplicationEditor : IAsyncDisposable
{
    private readonly SemaphoreSlim saveGate = new(1, 1);

    // Amounts the form refused as typed (negative), by line: the line keeps its last amount, so the rest still saves.
    private readonly Dictionary<BudgetLineDraft, string> refusedAmounts = new(ReferenceEqualityComparer.Instance);
    private MudFileUpload<IBrowserFile>? fileUpload;
    private bool closed;
    private ApplicationDraft form = new();
    private List<AttachmentView> attachments = [];
    private IReadOnlyList<FieldError> errors = [];
    private CancellationTokenSource? debounce;
    private int version;
    private bool dirty;
    private bool saving;
    private bool stale;
    private bool submitting;
    private bool uploading;
    private Instant? savedAt;
    private IUseCaseResult? saveFailure;
    private IUseCaseResult? submitRefusal;
    private IUseCaseResult? fileResult;
    private int? loadedId;

    [Parameter, EditorRequired]
    public ApplicationView View { get; set; } = default!;

    /// <summary>Saves the form based on the given version.</summary>
    [Parameter, EditorRequired]
    public Func<ApplicationDraft, int, Task<Result<DraftSaved>>> SaveDraft { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<Task<Result<SubmissionReceipt>>> SubmitDraft { get; set; } = default!;

    /// <summary>Stores a file: a general attachment (question key null) or one answering a file question.</summary>
    [Parameter]
    public Func<IBrowserFile, string?, Task<Result<AttachmentView>>>? Upload { get; set; }

    [Parameter]
    public Func<int, Task<Result>>? DeleteAttachment { get; set; }

    [Parameter]
    public EventCallback<string> OnSubmitted { get; set; }

    /// <summary>Quiet time after the last keystroke before saving; at most two seconds, so little typing is ever unsaved.</summary>
    [Parameter]
    public TimeSpan AutosaveDelay { get; set; } = TimeSpan.FromSeconds(1.5);

    private DateTime YearStart => new(View.BudgetYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private DateTime YearEnd => new(View.BudgetYear, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);

    private IEnumerable<ProjectCategories> AllowedCategories =>
        Enum.GetValues<ProjectCategories>().Where(c => c is not ProjectCategories.None and not ProjectCategories.All && (View.CallCategories & c) == c);

    private Krw? Total
    {
        get
        {
            try
            {
                return form.RequestedTotal;
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }

    private bool TotalWithinLimits => Total is { } total && total >= View.CallMinimumRequest && total <= View.CallMaximumRequest;

    private string TotalText => Total?.Format(CultureInfo.CurrentUICulture) ?? "—";

    private string DateHint => L["Application_DateFormatHint", string.Create(CultureInfo.InvariantCulture, $"{View.BudgetYear}-05-01")];

    protected override void OnParametersSet()
    {
        // Only a different application resets the form; re-renders of the same one keep what the person typed.
        if (loadedId != View.Id)
        {
            loadedId = View.Id;
            form = View.Form with { BudgetLines = View.Form.BudgetLines.Select(l => l with { }).ToList(), Answers = new(View.Form.Answers), IndicatorTargets = new(View.Form.IndicatorTargets) };
            attachments = View.Attachments.ToList();
            version = View.Version;
            savedAt = null;
            refusedAmounts.Clear();
            closed = false;
        }

        // The call's deadline as read with the draft; a refusal for the deadline (it may have been moved earlier) also closes it.
        closed |= View.CallClosesAt < Clock.GetCurrentInstant();
    }

    private static string SavedAtText(Instant at) => Seoul.ToLocal(at).TimeOfDay.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string ItemField(int index) => string.Create(CultureInfo.InvariantCulture, $"BudgetLines[{index}].Item");

    private static string CategoryField(int index) => string.Create(CultureInfo.InvariantCulture, $"BudgetLines[{index}].Category");

    /// <summary>The call's allowed categories, and the line's own if the call no longer allows it, so the select shows what is saved.</summary>
    private IEnumerable<BudgetCategory> BudgetCategoriesFor(BudgetLineDraft line) =>
        Enum.GetValues<BudgetCategory>().Where(c => View.CallBudgetRules.Allows(c) || c == line.Category);

    private static string AmountField(int index) => string.Create(CultureInfo.InvariantCulture, $"BudgetLines[{index}].Amount");

    private bool HasError(string field) => errors.Any(e => e.Field == field);

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private string? AmountError(BudgetLineDraft line, int index) =>
        refusedAmounts.TryGetValue(line, out var refused) ? refused : ErrorFor(AmountField(index));

    /// <summary>A negative amount is refused where it was typed, with the reason; the text stays for the person to correct.</summary>
    private void AmountChanged(BudgetLineDraft line, Krw amount)
    {
        if (amount.IsNegative)
        {
            refusedAmounts[line] = L["Application_AmountNegative"];
            return;
        }

        refusedAmounts.Remove(line);
        Change(() => line.Amount = amount);
    }

    private static DateTime? ToDate(LocalDate? date) => date?.ToDateTimeUnspecified();

    private static LocalDate? FromDate(DateTime? date) => date is { } d ? LocalDate.FromDateTime(d) : null;

    /// <summary>Typing: remember the change and save once the person pauses.</summary>
    private void Change(Action apply)
    {
        apply();
        dirty = true;
        ClearFieldErrors();
        if (debounce is not null)
        {
            debounce.Cancel();
            debounce.Dispose();
        }

        debounce = new CancellationTokenSource();
        _ = SaveAfterPauseAsync(debounce.Token);
    }

    /// <summary>Choices (dates, selects, checkboxes) are complete at once: save now.</summary>
    private async Task ChangeNow(Action apply)
    {
        apply();
        dirty = true;
        ClearFieldErrors();
        await SaveAsync();
    }

    private void ClearFieldErrors()
    {
        if (errors.Count > 0)
        {
            errors = [];
        }
    }

    private async Task SaveAfterPauseAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(AutosaveDelay, ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await InvokeAsync(SaveAsync);
    }

    private Task SaveOnBlurAsync() => SaveAsync();

    private async Task SaveAsync()
    {
        if (!dirty || stale)
        {
            return;
        }

        await saveGate.WaitAsync();
        try
        {
            if (!dirty || stale)
            {
                return;
            }

            dirty = false;
            saving = true;
            StateHasChanged();
            var snapshot = form with { BudgetLines = form.BudgetLines.Select(l => l with { }).ToList(), Answers = new(form.Answers) };
            var result = await SaveDraft(snapshot, version);
            saving = false;
            if (result is { Succeeded: true, Value: { } saved })
            {
                version = saved.Version;
                savedAt = saved.SavedAt;
                saveFailure = null;
            }
            else
            {
                // The person's text stays on screen; only the message changes. A stale draft saves no more.
                stale = result.Outcome == Outcome.Conflict;
                dirty = !stale;
                saveFailure = result;
            }
        }
        finally
        {
            saving = false;
            saveGate.Release();
        }

        StateHasChanged();
    }

    private async Task SubmitAsync()
    {
        if (submitting)
        {
            return;
        }

        if (refusedAmounts.Count > 0)
        {
            // What is on screen is what would be submitted: a refused amount is corrected first.
            errors = [new FieldError("", L["Application_FixBeforeSubmit"])];
            return;
        }

        submitting = true;
        try
        {
            debounce?.Cancel();
            await SaveAsync();
            if (stale || saveFailure is not null)
            {
                return;
            }

            var result = await SubmitDraft();
            errors = result.Errors;
            submitRefusal = result.Outcome is Outcome.Done or Outcome.Invalid ? null : result;
            if (result is { Succeeded: true, Value: { } receipt })
            {
                await OnSubmitted.InvokeAsync(receipt.ReceiptNumber);
            }
            else if (result.Errors.Any(e => e.Field == "Deadline"))
            {
                // The deadline passed while the form was open (or was moved earlier): no second try is offered.
                closed = true;
            }
        }
        finally
        {
            submitting = false;
        }
    }

    private async Task AddLine()
    {
        // A new line starts in a category the call funds.
        var category = Enum.GetValues<BudgetCategory>().Where(View.CallBudgetRules.Allows).DefaultIfEmpty(BudgetCategory.Activities).First();
        form.BudgetLines.Add(new BudgetLineDraft { Category = View.CallBudgetRules.Allows(BudgetCategory.Activities) ? BudgetCategory.Activities : category });
        dirty = true;
        await SaveAsync();
    }

    private async Task RemoveLine(int index)
    {
        refusedAmounts.Remove(form.BudgetLines[index]);
        form.BudgetLines.RemoveAt(index);
        dirty = true;
        ClearFieldErrors();
        await SaveAsync();
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || Upload is null)
        {
            return;
        }

        uploading = true;
        fileResult = null;
        try
        {
            var result = await Upload(file, null);
            fileResult = result;
            if (result is { Succeeded: true, Value: { } attachment })
            {
                attachments.Add(attachment);
            }
        }
        finally
        {
            uploading = false;

            // The picker forgets the file once it is stored (or refused), so the same file can be chosen again.
            if (fileUpload is not null)
            {
                await fileUpload.ClearAsync();
            }
        }
    }

    /// <summary>The renderer has already written the answer into the form: typing saves after a pause, a choice at once.</summary>
    private async Task AnswerChangedAsync(AnswerChange change)
    {
        if (change.Typing)
        {
            Change(() => { });
        }
        else
        {
            await ChangeNow(() => { });
        }
    }

    private async Task<Result<AttachmentView>> UploadForQuestionAsync(string questionKey, IBrowserFile file)
    {
        var result = await Upload!(file, questionKey);
        if (result is { Succeeded: true, Value: { } attachment })
        {
            attachments.Add(attachment);
            ClearFieldErrors();
        }

        return result;
    }

    /// <summary>The file question's list has asked already; the file goes at once.</summary>
    private async Task RemoveQuestionFileAsync(AttachmentView file)
    {
        fileResult = await DeleteAttachment!(file.Id);
        if (fileResult.Succeeded)
        {
            attachments.RemoveAll(a => a.Id == file.Id);
        }
    }

    private async Task DeleteAttachmentAsync(AttachmentView file)
    {
        if (DeleteAttachment is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Application_RemoveAttachmentTitle"],
            L["Application_RemoveAttachmentConfirm", file.DisplayName],
            yesText: L["Application_RemoveAttachmentYes"],
            cancelText: L["Application_Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var id = file.Id;

        fileResult = await DeleteAttachment(id);
        if (fileResult.Succeeded)
        {
            attachments.RemoveAll(a => a.Id == id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (debounce is not null)
        {
            await debounce.CancelAsync();
            debounce.Dispose();
        }

        // A closing tab still gets the words typed since the last pause saved.
        if (dirty && !stale)
        {
            try
            {
                await SaveDraft(form, version);
            }
            catch (ObjectDisposedException)
            {
                // The service's container is gone with the circuit; the last autosave is what remains.
            }
        }

        saveGate.Dispose();
    }
}

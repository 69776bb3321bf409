using GrantPortal.Web.Components;
using NodaTime;
using NodaTime.Text;

namespace GrantPortal.Web.Features.Calls;

public sealed partial class CallEditor
{
    private static readonly LocalDateTimePattern MomentPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private readonly Dictionary<string, string> errors = [];
    private IReadOnlyList<RecommendationOption> recommendations = [];
    private CallForm? form;
    private EditableCall? existing;
    private bool loading = true;
    private string? opensText;
    private string? closesText;
    private string? reviewDueText;
    private string? envelopeText;
    private string? minimumText;
    private string? maximumText;

    [Parameter]
    public int? Id { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    private int? RequestedYear { get; set; }

    private string Heading => existing is null ? L["CallEdit_NewTitle"] : L["CallEdit_EditTitle", existing.Form.Code];

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        if (User is null)
        {
            return;
        }

        recommendations = await Calls.ListRecommendationsAsync(User, CancellationToken.None);
        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        errors.Clear();
        if (Id is { } id)
        {
            existing = await Calls.GetForEditAsync(User!, id, CancellationToken.None);
            form = existing?.Form;
        }
        else
        {
            existing = null;
            var today = Seoul.Today(Clock);
            form = CallForm.Blank(RequestedYear ?? today.Year, today);
        }

        if (form is not null)
        {
            opensText = MomentPattern.Format(form.Opens);
            closesText = MomentPattern.Format(form.Closes);
            reviewDueText = DatePattern.Format(form.ReviewDueOn);
            envelopeText = AmountText(form.Envelope);
            minimumText = AmountText(form.MinimumRequest);
            maximumText = AmountText(form.MaximumRequest);
        }
    }

    /// <summary>A datetime-local input answers "2026-12-04T18:00", or with seconds once the browser has normalized it.</summary>
    private static ParseResult<LocalDateTime> ParseMoment(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var result = MomentPattern.Parse(trimmed);
        return result.Success ? result : LocalDateTimePattern.ExtendedIso.Parse(trimmed);
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? ErrorOf(string field) => errors.GetValueOrDefault(field);

    private static string AmountText(Krw amount) => amount.IsZero ? "" : amount.Won.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The typed amount read back in the reader's units, so 1800000000 is seen to be 18억 원.</summary>
    private static string? AmountHint(string? text) =>
        Krw.TryParse(text, out var amount) && !amount.IsZero ? amount.Format(CultureInfo.CurrentUICulture) : null;

    private void ToggleCategory(ProjectCategories category, bool on) =>
        form!.Categories = on ? form.Categories | category : form.Categories & ~category;

    private void ToggleRecommendation(int id, bool on)
    {
        if (on)
        {
            form!.RecommendationIds.Add(id);
        }
        else
        {
            form!.RecommendationIds.Remove(id);
        }
    }

    /// <summary>Reads the text fields into the form; what cannot be read is reported on its field.</summary>
    private bool ReadTextFields()
    {
        var ok = true;
        void Fail(string field, string key)
        {
            errors[field] = L[key];
            ok = false;
        }

        var opens = ParseMoment(opensText);
        if (opens.Success)
        {
            form!.Opens = opens.Value;
        }
        else
        {
            Fail(nameof(CallForm.Opens), "CallEdit_MomentInvalid");
        }

        var closes = ParseMoment(closesText);
        if (closes.Success)
        {
            form!.Closes = closes.Value;
        }
        else
        {
            Fail(nameof(CallForm.Closes), "CallEdit_MomentInvalid");
        }

        var due = DatePattern.Parse(reviewDueText ?? "");
        if (due.Success)
        {
            form!.ReviewDueOn = due.Value;
        }
        else
        {
            Fail(nameof(CallForm.ReviewDueOn), "CallEdit_DateInvalid");
        }

        ReadAmount(envelopeText, nameof(CallForm.Envelope), a => form!.Envelope = a);
        ReadAmount(minimumText, nameof(CallForm.MinimumRequest), a => form!.MinimumRequest = a);
        ReadAmount(maximumText, nameof(CallForm.MaximumRequest), a => form!.MaximumRequest = a);
        return ok;

        void ReadAmount(string? text, string field, Action<Krw> set)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                set(Krw.Zero);
            }
            else if (Krw.TryParse(text, out var amount))
            {
                set(amount);
            }
            else
            {
                Fail(field, "CallEdit_AmountInvalid");
            }
        }
    }

    private async Task SaveAsync()
    {
        if (Busy || form is null || User is null)
        {
            return;
        }

        errors.Clear();
        if (!ReadTextFields())
        {
            LastResult = Result.Invalid(errors.Select(e => new FieldError(e.Key, e.Value)).ToList());
            return;
        }

        if (existing is null)
        {
            var created = await RunAsync(() => Create.CreateAsync(User, form, CancellationToken.None));
            if (created is { Succeeded: true })
            {
                Snackbar.Add(L["CallEdit_Saved"], Severity.Success);
                Navigation.NavigateTo($"/calls/{created.Value}/edit");
                return;
            }

            MarkFields(created);
            return;
        }

        // Moving a published call's deadline is asked about first; Core's question says what the move does.
        var updated = await RunAsync(() => Dialogs.SendConfirmingAsync(
            confirmed => Update.UpdateAsync(User, form, confirmDeadlineChange: confirmed, CancellationToken.None),
            update => update.NeedsConfirmation,
            L["CallEdit_DeadlineConfirmTitle"],
            L["CallEdit_DeadlineMove"],
            L["CallEdit_Cancel"]));
        if (updated is { Value.NeedsConfirmation: true })
        {
            // The officer kept the deadline where it was: nothing was saved, and there is nothing to report.
            LastResult = null;
            return;
        }

        if (updated is { Succeeded: true })
        {
            Snackbar.Add(
                updated.Value?.Deadline is { } moved
                    ? L["CallEdit_DeadlineMoved", Seoul.Format(moved.NewClosesAt), moved.OrganizationsWithDrafts]
                    : L["CallEdit_Saved"],
                Severity.Success);
            await LoadAsync();
            return;
        }

        MarkFields(updated);
    }

    private void MarkFields(IUseCaseResult? result)
    {
        foreach (var error in result?.Errors ?? [])
        {
            if (error.Field.Length > 0)
            {
                errors.TryAdd(error.Field, error.Message);
            }
        }
    }

    private Task PublishAsync() => ChangePublicationAsync(publish: true);

    private Task UnpublishAsync() => ChangePublicationAsync(publish: false);

    private async Task ChangePublicationAsync(bool publish)
    {
        if (Busy || existing is null || User is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L[publish ? "CallEdit_Publish" : "CallEdit_Unpublish"],
            L[publish ? "CallEdit_PublishConfirm" : "CallEdit_UnpublishConfirm"],
            yesText: L[publish ? "CallEdit_Publish" : "CallEdit_Unpublish"],
            cancelText: L["CallEdit_Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        errors.Clear();
        var (id, version) = (existing.Id, existing.Form.Version);
        var result = await RunAsync(() => publish
            ? Publication.PublishAsync(User, id, version, CancellationToken.None)
            : Publication.UnpublishAsync(User, id, version, CancellationToken.None));
        if (result is { Succeeded: true })
        {
            Snackbar.Add(L[publish ? "CallEdit_PublishedNotice" : "CallEdit_UnpublishedNotice"], Severity.Success);
            await LoadAsync();
        }
    }
}

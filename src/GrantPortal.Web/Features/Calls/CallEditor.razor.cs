using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;
using NodaTime.Text;

namespace GrantPortal.Web.Features.Calls;

public sealed partial class CallEditor
{
    private static readonly LocalDateTimePattern MomentPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private readonly Dictionary<string, string> errors = [];
    private readonly List<string> generalErrors = [];
    private IReadOnlyList<RecommendationOption> recommendations = [];
    private CurrentUser? user;
    private CallForm? form;
    private EditableCall? existing;
    private bool loading = true;
    private bool busy;
    private string? opensText;
    private string? closesText;
    private string? reviewDueText;
    private string? envelopeText;
    private string? minimumText;
    private string? maximumText;

    [Inject]
    private CallService Calls { get; set; } = default!;

    [Inject]
    private IClock Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Strings> Localizer { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public int? Id { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    private int? RequestedYear { get; set; }

    private string Heading => existing is null ? Localizer["CallEdit_NewTitle"] : Localizer["CallEdit_EditTitle", existing.Form.Code];

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        user ??= CurrentUser.From((await AuthenticationState).User);
        if (user is null)
        {
            return;
        }

        recommendations = await Calls.ListRecommendationsAsync(user, CancellationToken.None);
        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        errors.Clear();
        generalErrors.Clear();
        if (Id is { } id)
        {
            existing = await Calls.GetForEditAsync(user!, id, CancellationToken.None);
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
            errors[field] = Localizer[key];
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
        if (busy || form is null || user is null)
        {
            return;
        }

        busy = true;
        try
        {
            errors.Clear();
            generalErrors.Clear();
            if (!ReadTextFields())
            {
                return;
            }

            var result = await Calls.SaveAsync(user, form, CancellationToken.None);
            if (result is { Outcome: CallOutcome.NeedsConfirmation, Deadline: { } change })
            {
                var confirmed = await Dialogs.ShowMessageBoxAsync(
                    Localizer["CallEdit_DeadlineConfirmTitle"],
                    Localizer["CallEdit_DeadlineConfirm", Seoul.Format(change.OldClosesAt), Seoul.Format(change.NewClosesAt), change.OrganizationsWithDrafts],
                    yesText: Localizer["CallEdit_DeadlineMove"],
                    cancelText: Localizer["CallEdit_Cancel"]);
                if (confirmed != true)
                {
                    return;
                }

                result = await Calls.SaveAsync(user, form, confirmDeadlineChange: true, CancellationToken.None);
            }

            if (result.Succeeded)
            {
                Snackbar.Add(
                    result.Deadline is { } moved
                        ? Localizer["CallEdit_DeadlineMoved", Seoul.Format(moved.NewClosesAt), moved.OrganizationsWithDrafts]
                        : Localizer["CallEdit_Saved"],
                    Severity.Success);
                if (Id is null)
                {
                    Navigation.NavigateTo($"/calls/{result.CallId}/edit");
                    return;
                }

                await LoadAsync();
                return;
            }

            ShowErrors(result);
        }
        finally
        {
            busy = false;
        }
    }

    private void ShowErrors(CallResult result)
    {
        if (result.Outcome == CallOutcome.NotFound)
        {
            generalErrors.Add(Localizer["CallEdit_NotFound"]);
            return;
        }

        foreach (var error in result.Errors)
        {
            if (error.Field.Length == 0 || result.Outcome is CallOutcome.OverBudget)
            {
                generalErrors.Add(error.Message);
            }

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
        if (busy || existing is null || user is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            Localizer[publish ? "CallEdit_Publish" : "CallEdit_Unpublish"],
            Localizer[publish ? "CallEdit_PublishConfirm" : "CallEdit_UnpublishConfirm"],
            yesText: Localizer[publish ? "CallEdit_Publish" : "CallEdit_Unpublish"],
            cancelText: Localizer["CallEdit_Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        try
        {
            errors.Clear();
            generalErrors.Clear();
            var result = publish
                ? await Calls.PublishAsync(user, existing.Id, existing.Form.Version, CancellationToken.None)
                : await Calls.UnpublishAsync(user, existing.Id, existing.Form.Version, CancellationToken.None);
            if (!result.Succeeded)
            {
                ShowErrors(result);
                return;
            }

            Snackbar.Add(Localizer[publish ? "CallEdit_PublishedNotice" : "CallEdit_UnpublishedNotice"], Severity.Success);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}

using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GrantPortal.Web.Features.Awards;

public sealed partial class AwardPage
{
    private readonly Dictionary<int, Krw> paymentAmounts = [];
    private readonly Dictionary<int, NodaTime.LocalDate> plannedDates = [];
    private AwardDetails? award;
    private CurrentUser? user;
    private bool loading = true;
    private bool busy;
    private string? message;
    private bool messageIsError;
    private bool messageIsWarning;
    private string? paymentNote;
    private Krw amendAmount;
    private string? amendReason;
    private string? amendConditions;
    private Krw returnAmount;
    private string? returnReason;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private AwardService Awards { get; set; } = default!;

    [Inject]
    private DisbursementService Disbursements { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    private bool IsOfficer => user?.IsIn(Roles.ProgramOfficer) == true;

    private bool IsFinance => user?.IsIn(Roles.Finance) == true;

    // Links only to pages the reader may open: the audit trail is staff's, reports are the grantee's and the officer's.
    private bool CanReadAudit => user is not null && (user.IsIn(Roles.ProgramOfficer) || user.IsIn(Roles.Finance) || user.IsIn(Roles.Administrator));

    private bool CanOpenReports => user is not null && (user.IsIn(Roles.Applicant) || user.IsIn(Roles.ProgramOfficer));

    protected override async Task OnParametersSetAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        award = user is null ? null : await Awards.GetAsync(user, Id);
        paymentAmounts.Clear();
        plannedDates.Clear();
        if (award is not null)
        {
            amendAmount = award.Amount;
            amendConditions = award.Conditions;
        }
    }

    private Krw PaymentAmount(TrancheView tranche) => paymentAmounts.TryGetValue(tranche.Id, out var amount) ? amount : tranche.Open;

    private async Task RecordPaymentAsync(TrancheView tranche)
    {
        await RunAsync(async () =>
        {
            var result = await Disbursements.RecordAsync(user!, tranche.Id, PaymentAmount(tranche), paymentNote);
            paymentNote = result.Succeeded ? null : paymentNote;
            messageIsWarning = result.Notice is not null;
            return (result.Succeeded, result.Succeeded ? result.Notice ?? L["Finance_Recorded"].Value : result.Error);
        });
    }

    private Severity MessageSeverity => messageIsError ? Severity.Error : messageIsWarning ? Severity.Warning : Severity.Success;

    /// <summary>Before recording on a tranche that waits for a report, finance reads which report and when it is due.</summary>
    private string? GateHint(TrancheView tranche) =>
        tranche.GatingReportKind is { } kind && tranche.GatingReportStatus != GrantPortal.Core.Reporting.ReportStatus.Approved
            ? L["Finance_GateHint", L["Awards_Report" + kind], award!.Reports.FirstOrDefault(r => r.Id == tranche.GatingReportId)?.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", L["Awards_ReportStatus" + tranche.GatingReportStatus]].Value
            : null;

    private NodaTime.LocalDate PlannedOn(TrancheView tranche) => plannedDates.TryGetValue(tranche.Id, out var day) ? day : tranche.PlannedOn;

    private async Task ReplanAsync(TrancheView tranche)
    {
        await RunAsync(async () =>
        {
            var result = await Awards.ReplanTrancheAsync(user!, tranche.Id, PlannedOn(tranche));
            return (result.Succeeded, result.Succeeded ? L["Awards_Replanned"].Value : result.Message);
        });
    }

    private async Task AmendAsync()
    {
        await RunAsync(async () =>
        {
            var result = await Awards.AmendAsync(user!, Id, amendAmount, amendConditions ?? "", amendReason, award!.Version);
            amendReason = result.Succeeded ? null : amendReason;
            return (result.Succeeded, result.Succeeded ? L["Awards_Amended"].Value : result.Message);
        });
    }

    private async Task CancelAwardAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Awards_CancelAward"],
            L["Awards_CancelConfirm", award!.Amount.ForReader()],
            yesText: L["Awards_CancelAward"],
            cancelText: L["Awards_Dismiss"]);
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var result = await Awards.CancelAsync(user!, Id, amendReason, award!.Version);
            return (result.Succeeded, result.Message);
        });
    }

    private async Task RecordReturnAsync()
    {
        await RunAsync(async () =>
        {
            var result = await Awards.RecordReturnAsync(user!, Id, returnAmount, returnReason, award!.Version);
            if (result.Succeeded)
            {
                returnAmount = Krw.Zero;
                returnReason = null;
            }

            return (result.Succeeded, result.Succeeded ? L["Awards_ReturnRecorded"].Value : result.Message);
        });
    }

    private async Task RunAsync(Func<Task<(bool Succeeded, string? Message)>> work)
    {
        // A second click that arrives before the buttons re-render as disabled does nothing.
        if (busy)
        {
            return;
        }

        busy = true;
        messageIsWarning = false;
        try
        {
            var (succeeded, text) = await work();
            message = text;
            messageIsError = !succeeded;
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}

namespace GrantPortal.Web.Features.Awards;

public sealed partial class AwardPage
{
    private readonly Dictionary<int, Krw> paymentAmounts = [];
    private readonly Dictionary<int, NodaTime.LocalDate> plannedDates = [];
    private AwardPageView? page;
    private AwardDetails? award;
    private bool loading = true;
    private string? doneText;
    private string? paymentNote;
    private Krw amendAmount;
    private string? amendReason;
    private string? amendConditions;
    private Krw returnAmount;
    private string? returnReason;

    [Parameter]
    public int Id { get; set; }

    private bool IsOfficer => User?.IsIn(Roles.ProgramOfficer) == true;

    private bool IsFinance => User?.IsIn(Roles.Finance) == true;

    // Links only to pages the reader may open: the audit trail is staff's, reports are the grantee's and the officer's.
    private bool CanReadAudit => User?.IsStaff == true;

    private bool CanOpenReports => User is not null && (User.IsIn(Roles.Applicant) || User.IsIn(Roles.ProgramOfficer));

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        // The page reads the award once and hands each section its part (a section reads again after its own steps).
        page = User is null ? null : await Pages.GetAsync(User, Id, Language);
        award = page?.Award;
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
        // A payment waiting for a report is recorded with a notice that says so; the notice is what the page shows then.
        var result = await RunAndReloadAsync(() => RecordPayment.RecordAsync(User!, tranche.Id, PaymentAmount(tranche), paymentNote), L["Finance_Recorded"]);
        if (result?.Succeeded == true)
        {
            paymentNote = null;
        }
    }

    /// <summary>Before recording on a tranche that waits for a report, finance reads which report and when it is due.</summary>
    private string? GateHint(TrancheView tranche) =>
        tranche.GatingReportKind is { } kind && tranche.GatingReportStatus != GrantPortal.Core.Reporting.ReportStatus.Approved
            ? L["Finance_GateHint", L["Awards_Report" + kind], award!.Reports.FirstOrDefault(r => r.Id == tranche.GatingReportId)?.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", L["Awards_ReportStatus" + tranche.GatingReportStatus]].Value
            : null;

    private NodaTime.LocalDate PlannedOn(TrancheView tranche) => plannedDates.TryGetValue(tranche.Id, out var day) ? day : tranche.PlannedOn;

    private async Task ReplanAsync(TrancheView tranche) =>
        await RunAndReloadAsync(() => ReplanTranche.ReplanTrancheAsync(User!, tranche.Id, PlannedOn(tranche)), L["Awards_Replanned"]);

    private async Task AmendAsync()
    {
        var result = await RunAndReloadAsync(() => AmendAward.AmendAsync(User!, Id, amendAmount, amendConditions ?? "", amendReason, award!.Version), L["Awards_Amended"]);
        if (result?.Succeeded == true)
        {
            amendReason = null;
        }
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

        // Done, the cancellation's own notice says what went back to the envelope.
        await RunAndReloadAsync(() => CancelAward.CancelAsync(User!, Id, amendReason, award!.Version), null);
    }

    private async Task RecordReturnAsync()
    {
        var result = await RunAndReloadAsync(() => RecordReturnedFunds.RecordReturnAsync(User!, Id, returnAmount, returnReason, award!.Version), L["Awards_ReturnRecorded"]);
        if (result?.Succeeded == true)
        {
            returnAmount = Krw.Zero;
            returnReason = null;
        }
    }

    /// <summary>Runs the action once under double clicks and shows the award as it is afterwards, whatever the answer.</summary>
    private Task<T?> RunAndReloadAsync<T>(Func<Task<T>> action, string? done)
        where T : class, IUseCaseResult =>
        RunAsync(async () =>
        {
            var result = await action();
            doneText = done;
            await LoadAsync();
            return result;
        });
}

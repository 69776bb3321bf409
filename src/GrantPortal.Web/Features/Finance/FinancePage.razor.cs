using GrantPortal.Core.Accounts;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Time;
using GrantPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace GrantPortal.Web.Features.Finance;

public sealed partial class FinancePage
{
    private readonly Dictionary<int, LocalDate> paidDates = [];
    private FinanceWorklist? worklist;
    private CurrentUser? user;
    private bool busy;
    private string? message;
    private bool messageIsError;

    [Inject]
    private DisbursementService Disbursements { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Dictionary<int, string?> References { get; } = [];

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        await LoadAsync();
    }

    private async Task LoadAsync() => worklist = user is null ? null : await Disbursements.WorklistAsync(user);

    private LocalDate PaidOn(int paymentId) => paidDates.TryGetValue(paymentId, out var day) ? day : Seoul.Today(Clock);

    private string Gate(ReportKind? kind, ReportStatus? status) =>
        kind is { } k ? L["Awards_GateAfter", L["Awards_Report" + k]] + " · " + L["Awards_ReportStatus" + status] : L["Awards_GateNone"];

    private Task ApproveAsync(WorklistPayment payment) =>
        RunAsync(() => Disbursements.ApproveAsync(user!, payment.PaymentId, payment.Version), L["Finance_Approved"]);

    private Task MarkPaidAsync(WorklistPayment payment) =>
        RunAsync(() => Disbursements.MarkPaidAsync(user!, payment.PaymentId, References.GetValueOrDefault(payment.PaymentId), PaidOn(payment.PaymentId), payment.Version), L["Finance_Paid"]);

    private async Task RejectAsync(WorklistPayment payment)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Message, L["Finance_RejectConfirm", payment.Amount.ForReader()].Value },
            { d => d.Label, L["Finance_RejectReason"].Value },
            { d => d.RequiredText, L["Awards_ReasonRequired"].Value },
            { d => d.ConfirmText, L["Finance_Reject"].Value },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(L["Finance_Reject"], parameters);
        var outcome = await dialog.Result;
        if (outcome is null || outcome.Canceled || outcome.Data is not string reason)
        {
            return;
        }

        await RunAsync(() => Disbursements.RejectAsync(user!, payment.PaymentId, reason, payment.Version), L["Finance_Rejected"]);
    }

    private async Task RunAsync(Func<Task<PaymentResult>> work, string success)
    {
        busy = true;
        try
        {
            var result = await work();
            message = result.Succeeded ? success : result.Error;
            messageIsError = !result.Succeeded;
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}

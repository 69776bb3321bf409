using GrantPortal.Core.Accounts;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Time;
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
        var reason = await Dialogs.ShowMessageBoxAsync(L["Finance_Reject"], L["Finance_RejectConfirm", payment.Amount.ToFigures()], yesText: L["Finance_Reject"], cancelText: L["Awards_Dismiss"]);
        if (reason != true)
        {
            return;
        }

        await RunAsync(() => Disbursements.RejectAsync(user!, payment.PaymentId, L["Finance_RejectedByChecker"], payment.Version), L["Finance_Rejected"]);
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

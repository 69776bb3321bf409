using System.Globalization;
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

    private async Task ApproveAsync(WorklistPayment payment)
    {
        // The busy flag is set before the dialog opens, so a double click asks once and approves once.
        if (busy)
        {
            return;
        }

        busy = true;
        try
        {
            if (await ConfirmAsync(L["Finance_Approve"], L["Finance_ConfirmApprove"], Facts(payment, (L["Finance_RecordedBy"], $"{payment.RecordedBy} · {Seoul.Format(payment.RecordedAt)}"))))
            {
                await RunAsync(() => Disbursements.ApproveAsync(user!, payment.PaymentId, payment.Version), L["Finance_Approved"]);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task MarkPaidAsync(WorklistPayment payment)
    {
        if (busy)
        {
            return;
        }

        busy = true;
        try
        {
            var reference = References.GetValueOrDefault(payment.PaymentId);
            var paidOn = PaidOn(payment.PaymentId);

            // Nothing to confirm without a reference: Core would refuse it, so say why before asking.
            if (string.IsNullOrWhiteSpace(reference))
            {
                message = L["Finance_BankReferenceRequired"];
                messageIsError = true;
                return;
            }

            var facts = Facts(
                payment,
                (L["Finance_BankReference"], reference.Trim()),
                (L["Finance_PaidOn"], paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (await ConfirmAsync(L["Finance_MarkPaid"], L["Finance_ConfirmPaid"], facts))
            {
                await RunAsync(() => Disbursements.MarkPaidAsync(user!, payment.PaymentId, reference, paidOn, payment.Version), L["Finance_Paid"]);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private List<(string Label, string Value)> Facts(WorklistPayment payment, params (string Label, string Value)[] more)
    {
        var award = payment.ReceiptNumber is { } receipt ? $"{payment.ProjectTitle} ({receipt})" : payment.ProjectTitle;
        var amount = payment.Amount.ForReader();
        List<(string Label, string Value)> facts =
        [
            (L["Finance_Award"], award),
            (L["Budget_Organization"], payment.OrganizationName.ToString()),
            (L["Awards_Tranche"], L["Awards_TrancheNumber", payment.TrancheSequence]),
            (L["Awards_Amount"], amount),
        ];
        facts.AddRange(more);
        return facts;
    }

    private async Task<bool> ConfirmAsync(string title, string question, IReadOnlyList<(string Label, string Value)> facts)
    {
        var parameters = new DialogParameters<PaymentConfirmDialog>
        {
            { d => d.Question, question },
            { d => d.Facts, facts },
            { d => d.ConfirmText, title },
        };
        var dialog = await Dialogs.ShowAsync<PaymentConfirmDialog>(title, parameters);
        var outcome = await dialog.Result;
        return outcome is { Canceled: false };
    }

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
        var wasBusy = busy;
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
            busy = wasBusy;
        }
    }
}

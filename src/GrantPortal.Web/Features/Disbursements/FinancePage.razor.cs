using GrantPortal.Web.Components.Shared;
using GrantPortal.Web.Features.Lists;
using NodaTime;

namespace GrantPortal.Web.Features.Disbursements;

public sealed partial class FinancePage
{
    private readonly Dictionary<int, LocalDate> paidDates = [];
    private FinanceWorklist? worklist;
    private string? doneText;

    // True while a confirmation is open: a double click asks once and moves the money once.
    private bool asking;

    private string? search;

    private Dictionary<int, string?> References { get; } = [];

    /// <summary>Words of an organization or project: narrows every list of the desk.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    private string? RequestedSearch { get; set; }

    private FinanceWorklist? Shown => worklist is null || string.IsNullOrWhiteSpace(search)
        ? worklist
        : new FinanceWorklist(
            worklist.AwaitingApproval.Where(p => Matches(p.OrganizationName, p.ProjectTitle)).ToList(),
            worklist.AwaitingTransfer.Where(p => Matches(p.OrganizationName, p.ProjectTitle)).ToList(),
            worklist.DueThisMonth.Where(t => Matches(t.OrganizationName, t.ProjectTitle)).ToList(),
            worklist.Overdue.Where(t => Matches(t.OrganizationName, t.ProjectTitle)).ToList(),
            worklist.Receivables);

    private bool Acting => Busy || asking;

    private ListAddress? address;

    private ListAddress Address => address ??= new(JS, Navigation);

    protected override async Task OnInitializedAsync() => await LoadAsync();

    /// <summary>The search comes from the address, so a bookmark or a saved view opened while the page is open shows it.</summary>
    protected override void OnParametersSet()
    {
        if (Address.AsksAnew(RequestedSearch))
        {
            search = string.IsNullOrWhiteSpace(RequestedSearch) ? null : RequestedSearch;
        }
    }

    private async Task SearchChanged(string? text)
    {
        // Kept as typed: trimming would eat the space before a second word.
        search = string.IsNullOrWhiteSpace(text) ? null : text;

        // Replacing the history entry: the back button leaves the page rather than undoing keystrokes.
        await Address.WriteAsync(RendererInfo.IsInteractive, new Dictionary<string, object?> { ["q"] = search });
    }

    private bool Matches(OrganizationName organization, string project) => ListSearch.Matches(search, organization.Korean, organization.English, project);

    private async Task LoadAsync() => worklist = User is null ? null : await Worklist.WorklistAsync(User);

    private LocalDate PaidOn(int paymentId) => paidDates.TryGetValue(paymentId, out var day) ? day : Seoul.Today(Clock);

    private string Gate(ReportKind? kind, ReportStatus? status) =>
        kind is { } k ? L["Awards_GateAfter", L["Awards_Report" + k]] + " · " + L["Awards_ReportStatus" + status] : L["Awards_GateNone"];

    private async Task ApproveAsync(WorklistPayment payment)
    {
        var facts = Facts(payment, (L["Finance_RecordedBy"], $"{payment.RecordedBy} · {Seoul.Format(payment.RecordedAt)}"));
        await ConfirmThenRunAsync(L["Finance_Approve"], L["Finance_ConfirmApprove"], facts, () => Approve.ApproveAsync(User!, payment.PaymentId, payment.Version), L["Finance_Approved"]);
    }

    private async Task MarkPaidAsync(WorklistPayment payment)
    {
        var reference = References.GetValueOrDefault(payment.PaymentId);
        var paidOn = PaidOn(payment.PaymentId);

        // Nothing to confirm without a reference: Core would refuse it, so say why before asking.
        if (string.IsNullOrWhiteSpace(reference))
        {
            LastResult = Result.Refused(L["Finance_BankReferenceRequired"]);
            return;
        }

        var facts = Facts(
            payment,
            (L["Finance_BankReference"], reference.Trim()),
            (L["Finance_PaidOn"], paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await ConfirmThenRunAsync(L["Finance_MarkPaid"], L["Finance_ConfirmPaid"], facts, () => MarkPaid.MarkPaidAsync(User!, payment.PaymentId, reference, paidOn, payment.Version), L["Finance_Paid"]);
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

        await RunAndReloadAsync(() => Reject.RejectAsync(User!, payment.PaymentId, reason, payment.Version), L["Finance_Rejected"]);
    }

    private async Task ConfirmThenRunAsync(string title, string question, IReadOnlyList<(string Label, string Value)> facts, Func<Task<Result>> action, string done)
    {
        if (Acting)
        {
            return;
        }

        asking = true;
        try
        {
            if (await ConfirmAsync(title, question, facts))
            {
                await RunAndReloadAsync(action, done);
            }
        }
        finally
        {
            asking = false;
        }
    }

    private async Task RunAndReloadAsync(Func<Task<Result>> action, string done)
    {
        await RunAsync(async () =>
        {
            var result = await action();
            doneText = done;
            await LoadAsync();
            return result;
        });
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
}

using Hangfire;

namespace GrantPortal.Web.Features.Admin;

/// <summary>
/// The administrators' notification log: every reminder and its outcome, a button that runs a pass now, and below
/// them every other mail the outbox holds (decisions, invitations, confirmations), failures with their error.
/// </summary>
public sealed partial class NotificationsPage
{
    private MudTable<NotificationRow>? table;
    private string search = "";
    private DeliveryStatus? status;
    private NotificationCounts? counts;
    private MudTable<OutboxRow>? mailTable;
    private OutboxStatus? mailStatus;
    private OutboxCounts? mailCounts;

    private async Task<TableData<NotificationRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Log.ListAsync(User!, search, status, state.Page, state.PageSize, ct);
        counts = await Log.CountAsync(User!, ct);
        // The table re-renders itself; the counts above it belong to the page.
        StateHasChanged();
        return new TableData<NotificationRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task<TableData<OutboxRow>> LoadMailAsync(TableState state, CancellationToken ct)
    {
        var page = await Log.ListMailAsync(User!, search, mailStatus, state.Page, state.PageSize, ct);
        mailCounts = await Log.CountMailAsync(User!, ct);
        StateHasChanged();
        return new TableData<OutboxRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task MailStatusChangedAsync(OutboxStatus? value)
    {
        mailStatus = value;
        if (mailTable is not null)
        {
            await mailTable.ReloadServerData();
        }
    }

    private async Task SearchAsync(string value)
    {
        search = value;
        await RefreshAsync();
    }

    private async Task StatusChangedAsync(DeliveryStatus? value)
    {
        status = value;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (table is not null)
        {
            await table.ReloadServerData();
        }

        if (mailTable is not null)
        {
            await mailTable.ReloadServerData();
        }
    }

    /// <summary>Queues the pass as a job rather than running it in the circuit: it may take minutes, and the job survives a closed tab.</summary>
    private void SendNow()
    {
        try
        {
            var jobId = Jobs.Enqueue<ReminderJob>(job => job.RunAsync(CancellationToken.None));
            Logger.LogInformation("{UserId} queued reminder pass {JobId}", User!.UserId, jobId);
            Snackbar.Add(L["Notifications_Queued"], Severity.Success);
        }
        catch (Exception ex) when (ex is InvalidOperationException or BackgroundJobClientException)
        {
            Snackbar.Add(L["Notifications_QueueFailed", ex.Message], Severity.Error);
        }
    }

    private string StatusText(DeliveryStatus value) => L["Notifications_Status" + value].Value;

    private string RuleText(string rule) => rule switch
    {
        ReminderRules.CallClosing => L["Reminders_RuleCallClosing"],
        ReminderRules.ReviewDue => L["Reminders_RuleReviewDue"],
        ReminderRules.ReportDue => L["Reminders_RuleReportDue"],
        ReminderRules.InformationDue => L["Reminders_RuleInformationDue"],
        ReminderRules.PaymentApproval => L["Reminders_RulePaymentApproval"],
        ReminderRules.ChangeRequestWaiting => L["Reminders_RuleChangeRequestWaiting"],
        ReminderRules.CallPublished => L["Reminders_RuleCallPublished"],
        _ => rule,
    };

    private static Color StatusColor(DeliveryStatus value) => value switch
    {
        DeliveryStatus.Sent => Color.Success,
        DeliveryStatus.Failed => Color.Error,
        DeliveryStatus.Deferred => Color.Warning,
        DeliveryStatus.Pending => Color.Info,
        _ => Color.Default,
    };

    private string MailStatusText(OutboxStatus value) => L["Notifications_MailStatus" + value].Value;

    private string PurposeText(string purpose) => L["Notifications_Purpose" + purpose] is { ResourceNotFound: false } text ? text.Value : purpose;

    private static Color MailStatusColor(OutboxStatus value) => value switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Failed => Color.Error,
        OutboxStatus.Sending => Color.Info,
        _ => Color.Default,
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

using Microsoft.AspNetCore.Components;

namespace GrantPortal.Web.Features.Applications;

/// <summary>
/// The intake's batch message: ticked applications (kept across pages and filters), one subject and body, sent after
/// the officer confirms the count. Each send has its own key, so a send that is repeated mails nobody twice.
/// </summary>
public sealed partial class ApplicationsPage
{
    private readonly HashSet<int> selected = [];
    private List<int> shownIds = [];
    private Result<BatchSummary>? batchResult;
    private string? messageSubject;
    private string? messageBody;
    private Guid messageKey = Guid.NewGuid();
    private bool confirmingMessage;

    private bool PageSelected => shownIds.Count > 0 && shownIds.All(selected.Contains);

    private string SendText(int count) => L[count == 1 ? "Applications_MessageSendOne" : "Applications_MessageSend", count];

    private string? FieldError(string field) =>
        batchResult is { Outcome: Outcome.Invalid } invalid ? invalid.Errors.FirstOrDefault(e => e.Field == field)?.Message : null;

    private void Select(int id, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            selected.Add(id);
        }
        else
        {
            selected.Remove(id);
        }
    }

    private void SelectPage(ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            selected.UnionWith(shownIds);
        }
        else
        {
            selected.ExceptWith(shownIds);
        }
    }

    private void ClearSelection()
    {
        selected.Clear();
        batchResult = null;
    }

    private async Task SendMessageAsync()
    {
        // A second click while the confirmation is open would open a second one, and two confirmed sends mail twice.
        if (confirmingMessage)
        {
            return;
        }

        confirmingMessage = true;
        try
        {
            await ConfirmAndSendAsync();
        }
        finally
        {
            confirmingMessage = false;
        }
    }

    private async Task ConfirmAndSendAsync()
    {
        var ids = selected.ToList();
        var message = new ApplicantMessage(messageSubject ?? "", messageBody ?? "");
        // A message with nothing to send goes straight to Core, whose answer marks the empty fields; one to send is confirmed first.
        var complete = !string.IsNullOrWhiteSpace(message.Subject) && !string.IsNullOrWhiteSpace(message.Body);
        var confirmed = !complete || await Dialogs.ShowMessageBoxAsync(
            L["Applications_MessageWrite"],
            L[ids.Count == 1 ? "Applications_MessageConfirmOne" : "Applications_MessageConfirm", ids.Count, message.Subject.Trim()],
            yesText: SendText(ids.Count),
            cancelText: L["Application_Cancel"]) == true;
        if (!confirmed || await RunAsync(() => Messages.SendAsync(User!, ids, message, messageKey)) is not { } result)
        {
            return;
        }

        batchResult = result;
        if (result.Succeeded)
        {
            // Sent: the next message is a new one, to a new selection.
            messageKey = Guid.NewGuid();
            messageSubject = null;
            messageBody = null;
            selected.Clear();
        }
    }
}

namespace GrantPortal.Core.Notifications;

/// <summary>
/// The Hangfire job: a thin shell over <see cref="OutboxSender"/>. It runs on a schedule (retries, catching up)
/// and whenever a commit queued mail. Safe to run twice or on two servers at once, because a pass claims each
/// message under its own token before sending it.
/// </summary>
public sealed class OutboxJob(OutboxSender sender)
{
    public const string RecurringId = "send-outbox";

    /// <param name="ct">Hangfire passes its own token: cancelled when the server shuts down.</param>
    public async Task RunAsync(CancellationToken ct) => await sender.SendDueAsync(ct);
}

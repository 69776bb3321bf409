namespace GrantPortal.Core.Notifications;

/// <summary>
/// The Hangfire job: a thin shell over <see cref="ReminderService"/>. Safe to run twice or on two servers at once,
/// because every reminder is recorded under its unique key before it is sent.
/// </summary>
public sealed class ReminderJob(ReminderService reminders)
{
    public const string RecurringId = "send-reminders";

    /// <param name="ct">Hangfire passes its own token: cancelled when the server shuts down.</param>
    public async Task RunAsync(CancellationToken ct) => await reminders.RunAsync(ct);
}

using GrantPortal.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The test host's outbox signal: runs the outbox pass as soon as a change that queued mail commits, as the web
/// host's job does a moment later, so a test reads the mail right after the action. Tests of the outbox itself
/// hold the mail to look at it before it leaves.
/// </summary>
public sealed class MailAtOnce(IServiceProvider services) : IOutboxSignal
{
    private int signals;

    public bool Hold { get; set; }

    /// <summary>How often a commit signalled queued mail.</summary>
    public int Signals => Volatile.Read(ref signals);

    public async Task MailQueuedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref signals);
        if (!Hold)
        {
            await services.GetRequiredService<OutboxSender>().SendDueAsync(ct);
        }
    }
}

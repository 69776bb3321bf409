using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantPortal.Core.Notifications;

/// <summary>
/// Told when a change that queued mail has committed, so the mail leaves within seconds instead of waiting for
/// the outbox job's next scheduled pass. The web host starts an <see cref="OutboxJob"/> on it; without one, the
/// scheduled pass sends the mail. A signal must not fail the change: the change has already committed.
/// </summary>
public interface IOutboxSignal
{
    Task MailQueuedAsync(CancellationToken ct);
}

/// <summary>Where nothing runs the outbox at once (tools, benchmarks): the mail waits for the scheduled pass.</summary>
internal sealed class ScheduledPassOnly : IOutboxSignal
{
    public Task MailQueuedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Told when a change that recorded audit events has committed, so they are sealed into the hash chain within moments.
/// The web host seals on it; without one, <see cref="AuditVerifier"/> seals before it checks.
/// </summary>
public interface IAuditSealSignal
{
    Task EventsRecordedAsync(CancellationToken ct);
}

/// <summary>Where nothing seals at once (tools, benchmarks): events are sealed by the next verification.</summary>
internal sealed class SealOnVerification : IAuditSealSignal
{
    public Task EventsRecordedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Signals after every commit that carried an <see cref="OutboxMessage"/> or an <see cref="AuditEvent"/>: after the
/// save when it ran in its own transaction, after the caller's commit when it ran in theirs, never after a rollback.
/// Every use case gets the wake-up without a line of its own, and none can send (or seal) before its change is durable.
/// </summary>
/// <remarks>
/// The signal is looked up when it is needed: whatever runs the outbox itself works through contexts that carry
/// this interceptor, so taking the signal in the constructor would make the container go round in a circle.
/// </remarks>
internal sealed class OutboxWakeUp(IServiceProvider services, ILogger<OutboxWakeUp> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside a caller's transaction the mail is not yet durable: the commit below wakes the outbox.
        if (eventData.Context is PortalDbContext db && (db.QueuedMail || db.RecordedAudit) && db.Database.CurrentTransaction is null)
        {
            await WakeAsync(db);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db && (db.QueuedMail || db.RecordedAudit))
        {
            await WakeAsync(db);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            db.QueuedMail = false;
            db.RecordedAudit = false;
        }

        return Task.CompletedTask;
    }

    private async Task WakeAsync(PortalDbContext db)
    {
        var mail = db.QueuedMail;
        var audit = db.RecordedAudit;
        db.QueuedMail = false;
        db.RecordedAudit = false;
        try
        {
            // Not the request's token: the change is committed, its mail must not stay behind with a closed tab.
            if (mail)
            {
                await services.GetRequiredService<IOutboxSignal>().MailQueuedAsync(CancellationToken.None);
            }

            if (audit)
            {
                await services.GetRequiredService<IAuditSealSignal>().EventsRecordedAsync(CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // The change has committed; the scheduled passes send its mail and seal its events if a signal is lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A committed change waits for the scheduled pass: the signal to send its mail or seal its audit events failed");
        }
    }
}

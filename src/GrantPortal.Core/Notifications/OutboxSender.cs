using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantPortal.Core.Notifications;

/// <summary>What one outbox pass did. <see cref="Batches"/> is the number of SMTP connections it opened.</summary>
public sealed record OutboxRunResult(int Sent, int Retrying, int Failed, int Batches);

/// <summary>
/// One outbox pass: claims the messages that are due, a connection's worth at a time, sends them over one SMTP
/// connection and records what became of each. The claim is a guarded update that marks the rows with this pass's
/// token, so two passes (two servers, a retried job, the schedule beside a wake-up) never send one message twice.
/// A server that is down or says "try later" puts the messages back with a doubling wait; a refusal (5xx) is final.
/// The one crash window that can repeat a mail is ADR 0015's: after the server took it, before "sent" was recorded.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IMailSender mail,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger)
{
    /// <summary>No wait between attempts grows beyond a day, however many attempts are allowed.</summary>
    private static readonly Duration LongestWait = Duration.FromDays(1);

    public async Task<OutboxRunResult> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        int sent = 0, retrying = 0, failed = 0, batches = 0;
        while (!ct.IsCancellationRequested)
        {
            var (token, batch) = await ClaimAsync(settings, ct);
            if (batch.Count == 0)
            {
                break;
            }

            batches++;
            var outcome = await SendAsync(batch, token, settings, ct);
            (sent, retrying, failed) = (sent + outcome.Sent, retrying + outcome.Retrying, failed + outcome.Failed);

            // A server that just failed after every retry would fail the next batch too; the next pass tries again.
            if (outcome.Retrying > 0 || batch.Count < settings.MessagesPerConnection)
            {
                break;
            }
        }

        if (batches > 0)
        {
            logger.LogInformation(
                "Outbox pass: {Sent} sent over {Batches} connection(s), {Retrying} to retry, {Failed} failed", sent, batches, retrying, failed);
        }

        return new OutboxRunResult(sent, retrying, failed, batches);
    }

    /// <summary>
    /// Takes up to a connection's worth of due messages: queued ones whose time has come, and ones a crashed pass
    /// left <see cref="OutboxStatus.Sending"/> past the lease. The update repeats the condition, and every provider
    /// checks it again under the row's write lock, so of two passes that chose the same row only one takes it.
    /// </summary>
    private async Task<(Guid Token, List<OutboxMessage> Batch)> ClaimAsync(OutboxOptions settings, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var abandonedBefore = now - Duration.FromTimeSpan(settings.ClaimLease);
        var token = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = db.OutboxMessages.Where(m =>
            (m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedAt < abandonedBefore));
        var ids = await due.OrderBy(m => m.Id).Select(m => m.Id).Take(settings.MessagesPerConnection).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (token, []);
        }

        await due.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.ClaimToken, token)
            .SetProperty(m => m.ClaimedAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        var batch = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        return (token, batch);
    }

    private sealed record BatchOutcome(int Sent, int Retrying, int Failed);

    private async Task<BatchOutcome> SendAsync(List<OutboxMessage> batch, Guid token, OutboxOptions settings, CancellationToken ct)
    {
        var messages = batch.Select(Compose).ToList();
        try
        {
            await mail.SendAsync(messages, ct);
            return new BatchOutcome(await MarkSentAsync(batch, token), 0, 0);
        }
        catch (PermanentMailFailureException ex)
        {
            var refusals = ex.Rejected.ToDictionary(r => r.MessageId, StringComparer.Ordinal);
            var failed = 0;
            var taken = new List<OutboxMessage>();
            foreach (var (row, message) in batch.Zip(messages))
            {
                if (refusals.TryGetValue(message.MessageId ?? "", out var refusal))
                {
                    failed += await MarkAsync([row.Id], token, OutboxStatus.Failed, null, $"{refusal.StatusCode} {refusal.Reason}");
                }
                else
                {
                    taken.Add(row);
                }
            }

            return new BatchOutcome(await MarkSentAsync(taken, token), 0, failed);
        }
        catch (TransientMailFailureException ex)
        {
            // The sender hands messages over in order, so everything before the unsent tail reached the server.
            var handedOver = batch.Count - ex.UnsentCount;
            var sent = await MarkSentAsync(batch.Take(handedOver).ToList(), token);
            logger.LogWarning(ex, "Mail server unavailable; {Count} outbox message(s) wait for a later attempt", ex.UnsentCount);
            var (retrying, failed) = await RetryLaterAsync(batch.Skip(handedOver).ToList(), token, settings, ex.Message);
            return new BatchOutcome(sent, retrying, failed);
        }
#pragma warning disable CA1031 // Whatever broke (a full disk under the pickup directory, a bad address), the messages stay for a later attempt.
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Outbox messages could not be handed over; {Count} wait for a later attempt", batch.Count);
            var (retrying, failed) = await RetryLaterAsync(batch, token, settings, ex.Message);
            return new BatchOutcome(0, retrying, failed);
        }
    }

    private static MimeMessage Compose(OutboxMessage row)
    {
        var message = new MimeMessage { Subject = row.Subject, Body = new TextPart("plain") { Text = row.Body } };
        message.To.Add(new MailboxAddress(row.RecipientName, row.RecipientEmail));
        return message;
    }

    private Task<int> MarkSentAsync(List<OutboxMessage> rows, Guid token) =>
        MarkAsync(rows.Select(r => r.Id), token, OutboxStatus.Sent, null, null);

    /// <summary>Back to the queue after a doubling wait, or failed for good once the attempts are spent.</summary>
    private async Task<(int Retrying, int Failed)> RetryLaterAsync(List<OutboxMessage> rows, Guid token, OutboxOptions settings, string error)
    {
        int retrying = 0, failed = 0;
        var now = clock.GetCurrentInstant();
        foreach (var attempts in rows.GroupBy(r => r.Attempts))
        {
            var ids = attempts.Select(r => r.Id);
            if (attempts.Key >= settings.MaxAttempts)
            {
                failed += await MarkAsync(ids, token, OutboxStatus.Failed, null, $"Gave up after {attempts.Key} attempt(s): {error}");
                continue;
            }

            var wait = Duration.FromTimeSpan(settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempts.Key - 1, 20)));
            retrying += await MarkAsync(ids, token, OutboxStatus.Queued, now + Duration.Min(wait, LongestWait), error);
        }

        return (retrying, failed);
    }

    /// <summary>Records an outcome only on rows this pass still holds: a pass that overran its lease does not overwrite the next one's.</summary>
    private async Task<int> MarkAsync(IEnumerable<long> ids, Guid token, OutboxStatus status, Instant? nextAttemptAt, string? error)
    {
        var list = ids.ToList();
        if (list.Count == 0)
        {
            return 0;
        }

        var now = clock.GetCurrentInstant();
        var sentAt = status == OutboxStatus.Sent ? now : (Instant?)null;
        var lastError = error is null ? null : error.Length <= 4000 ? error : error[..4000];
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);

        // Outcomes are recorded even if the job is being cancelled: the mail has already left.
        return await db.OutboxMessages
            .Where(m => list.Contains(m.Id) && m.ClaimToken == token && m.Status == OutboxStatus.Sending)
            .ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(m => m.Status, status).SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LastError, lastError);
                    if (nextAttemptAt is { } next)
                    {
                        s.SetProperty(m => m.NextAttemptAt, next);
                    }
                },
                CancellationToken.None);
    }
}

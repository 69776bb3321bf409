using System.Diagnostics;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantPortal.Core.Notifications;

/// <summary>What one reminder pass did. <see cref="Batches"/> is the number of SMTP connections it opened.</summary>
public sealed record ReminderRunResult(
    int Due,
    int OptedOut,
    int AlreadyHandled,
    int Claimed,
    int Retried,
    int Superseded,
    int Sent,
    int Deferred,
    int Failed,
    int Messages,
    int Batches,
    ReminderPassTimings Timings);

/// <summary>
/// Where a pass spent its time: reading what is due, recording the keys, composing and sending the digests (wall
/// time), and of that the time spent composing, summed over the connections that compose at once.
/// </summary>
public sealed record ReminderPassTimings(TimeSpan Find, TimeSpan Claim, TimeSpan Send, TimeSpan Compose);

/// <summary>
/// One reminder pass: finds what is due under every rule, records each reminder under its unique key
/// before sending (so a retried job, a rerun or a second instance never sends it twice), sends one digest
/// per recipient, and records the outcome. Reminders the mail server could not take are Deferred and sent
/// by a later pass while they are still due. See ADR 0015 for the one crash window that can duplicate a mail.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IMailSender mail,
    IStringLocalizer<Strings> localizer,
    IOptions<ReminderOptions> options,
    ILogger<ReminderService> logger)
{
    private const int InsertChunk = 200;
    private const int QueryChunk = 500;

    public async Task<ReminderRunResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant();
        var started = Stopwatch.GetTimestamp();
        List<DueReminder> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await DueReminders.FindAsync(db, now, settings, ct);
        }

        var wanted = due.Where(d => d.Step.Essential || !d.Recipient.OptedOutOfNonEssential).ToList();
        // One person can reach the same item twice (e.g. a member of two roles); the key makes it one reminder.
        var byKey = new Dictionary<string, DueReminder>(StringComparer.Ordinal);
        foreach (var item in wanted)
        {
            byKey.TryAdd(item.Key, item);
        }

        var found = Stopwatch.GetElapsedTime(started);
        var claimed = new List<(long Id, DueReminder Item)>();
        var (retried, superseded) = await ClaimRetriesAsync(byKey, now, settings.ClaimLease, claimed, ct);
        var alreadyHandled = await ClaimNewAsync(byKey, now, claimed, ct);
        var claimedNew = claimed.Count - retried;

        var recorded = Stopwatch.GetElapsedTime(started);
        var outcome = await SendAsync(claimed, now, settings, ct);
        var result = new ReminderRunResult(
            due.Count, due.Count - wanted.Count, alreadyHandled - retried, claimedNew, retried, superseded,
            outcome.Sent, outcome.Deferred, outcome.Failed, outcome.Messages, outcome.Batches,
            new ReminderPassTimings(found, recorded - found, Stopwatch.GetElapsedTime(started) - recorded, outcome.Compose));
        logger.LogInformation(
            "Reminder pass: {Due} due, {Claimed} new, {Retried} retried, {Sent} sent in {Messages} digest(s) over {Batches} connection(s), {Deferred} deferred, {Failed} failed",
            result.Due, result.Claimed, result.Retried, result.Sent, result.Messages, result.Batches, result.Deferred, result.Failed);
        return result;
    }

    /// <summary>
    /// Takes back reminders an earlier pass could not deliver (Deferred) or abandoned in a crash (Pending past the lease).
    /// The guarded update is the claim: of two passes only one changes the row.
    /// </summary>
    private async Task<(int Retried, int Superseded)> ClaimRetriesAsync(
        Dictionary<string, DueReminder> byKey, Instant now, TimeSpan lease, List<(long Id, DueReminder Item)> claimed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var abandonedBefore = now - Duration.FromTimeSpan(lease);
        var rows = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Deferred || (d.Status == DeliveryStatus.Pending && d.ClaimedAt < abandonedBefore))
            .Select(d => new { d.Id, d.Key, d.Status, d.ClaimedAt })
            .ToListAsync(ct);
        int retried = 0, superseded = 0;
        foreach (var row in rows)
        {
            var mine = db.ReminderDeliveries.Where(d => d.Id == row.Id && d.Status == row.Status && d.ClaimedAt == row.ClaimedAt);
            if (byKey.TryGetValue(row.Key, out var item))
            {
                if (await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.ClaimedAt, now).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct) == 1)
                {
                    claimed.Add((row.Id, item));
                    retried++;
                }
            }
            else if (await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Superseded).SetProperty(d => d.ClaimedAt, now), ct) == 1)
            {
                // The item was done, or a later step replaced this one: sending it now would be stale.
                superseded++;
            }
        }

        return (retried, superseded);
    }

    /// <summary>
    /// Records every due reminder that has no row yet. The unique key decides a race with another pass:
    /// a chunk that collides is inserted again row by row, and a row that collides belongs to the other pass.
    /// </summary>
    /// <returns>How many due reminders already had a row (sent, failed, claimed elsewhere or retried above).</returns>
    private async Task<int> ClaimNewAsync(Dictionary<string, DueReminder> byKey, Instant now, List<(long Id, DueReminder Item)> claimed, CancellationToken ct)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            foreach (var chunk in byKey.Keys.Chunk(QueryChunk))
            {
                existing.UnionWith(await db.ReminderDeliveries.AsNoTracking().Where(d => chunk.Contains(d.Key)).Select(d => d.Key).ToListAsync(ct));
            }
        }

        var handled = existing.Count;
        foreach (var chunk in byKey.Values.Where(v => !existing.Contains(v.Key)).Chunk(InsertChunk))
        {
            var rows = chunk.Select(item => NewRow(item, now)).ToList();
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.ReminderDeliveries.AddRange(rows);
                await db.SaveChangesAsync(ct);
                claimed.AddRange(rows.Select((row, i) => (row.Id, chunk[i])));
                continue;
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Another reminder pass recorded some of {Count} reminders first; recording them one by one", chunk.Length);
            }

            foreach (var item in chunk)
            {
                var row = NewRow(item, now);
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    db.ReminderDeliveries.Add(row);
                    await db.SaveChangesAsync(ct);
                    claimed.Add((row.Id, item));
                }
                catch (DbUpdateException)
                {
                    // Only a collision on the key means "the other pass has it"; anything else is a real failure.
                    if (!await KeyExistsAsync(item.Key, ct))
                    {
                        throw;
                    }

                    handled++;
                }
            }
        }

        return handled;
    }

    private async Task<bool> KeyExistsAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ReminderDeliveries.AnyAsync(d => d.Key == key, ct);
    }

    private static ReminderDelivery NewRow(DueReminder item, Instant now) => new()
    {
        Key = item.Key,
        Rule = item.Rule,
        ItemType = item.ItemType,
        ItemId = item.ItemId,
        RecipientId = item.Recipient.Id,
        RecipientEmail = item.Recipient.Email,
        Deadline = item.Deadline,
        LeadTime = item.Step.LeadTime,
        ItemTitle = Truncate(item.Title(item.Recipient.Language), 300),
        Status = DeliveryStatus.Pending,
        Attempts = 1,
        CreatedAt = now,
        ClaimedAt = now,
    };

    private sealed record SendOutcome(int Sent, int Deferred, int Failed, int Messages, int Batches, TimeSpan Compose);

    /// <summary>
    /// Sends the digests in batches of <see cref="ReminderOptions.MessagesPerConnection"/>, each batch composed and sent
    /// over its own SMTP connection, up to <see cref="ReminderOptions.SendConnections"/> at once. Once the server fails
    /// after its retries, the batches not yet started are deferred at once rather than each waiting out the backoff.
    /// </summary>
    private async Task<SendOutcome> SendAsync(List<(long Id, DueReminder Item)> claimed, Instant claimedAt, ReminderOptions settings, CancellationToken ct)
    {
        var recipients = claimed.GroupBy(c => c.Item.Recipient.Id, StringComparer.Ordinal).ToList();
        int sent = 0, deferred = 0, failed = 0, batches = 0;
        long composeTicks = 0;
        string? serverDown = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.SendConnections, CancellationToken = ct };
        await Parallel.ForEachAsync(recipients.Chunk(settings.MessagesPerConnection), parallel, async (group, token) =>
        {
            // Composing is CPU work: each connection composes its own batch, so it runs on as many cores as there are connections.
            var composing = Stopwatch.GetTimestamp();
            var batch = group.Select(g => (Ids: g.Select(c => c.Id).ToList(), Message: ReminderDigest.Build(g.First().Item.Recipient, g.Select(c => c.Item).ToList(), claimedAt, settings.PortalUrl, localizer)))
                .ToArray();
            Interlocked.Add(ref composeTicks, Stopwatch.GetElapsedTime(composing).Ticks);
            if (Volatile.Read(ref serverDown) is { } down)
            {
                Interlocked.Add(ref deferred, await MarkAsync(batch.SelectMany(b => b.Ids), claimedAt, DeliveryStatus.Deferred, down, token));
                return;
            }

            Interlocked.Increment(ref batches);
            var (batchSent, batchDeferred, batchFailed, error) = await SendBatchAsync(batch, claimedAt, token);
            Interlocked.Add(ref sent, batchSent);
            Interlocked.Add(ref deferred, batchDeferred);
            Interlocked.Add(ref failed, batchFailed);
            if (error is not null)
            {
                Interlocked.CompareExchange(ref serverDown, error, null);
            }
        });

        return new SendOutcome(sent, deferred, failed, recipients.Count, batches, TimeSpan.FromTicks(composeTicks));
    }

    /// <summary>One batch over one connection: what was sent, deferred and refused, and the server's error if it went down.</summary>
    private async Task<(int Sent, int Deferred, int Failed, string? ServerDown)> SendBatchAsync(
        (List<long> Ids, MimeMessage Message)[] batch, Instant claimedAt, CancellationToken ct)
    {
        int sent = 0, failed = 0;
        try
        {
            await mail.SendAsync(batch.Select(b => b.Message).ToList(), ct);
            return (await MarkAsync(batch.SelectMany(b => b.Ids), claimedAt, DeliveryStatus.Sent, null, ct), 0, 0, null);
        }
        catch (PermanentMailFailureException ex)
        {
            var refusals = ex.Rejected.ToDictionary(r => r.MessageId, StringComparer.Ordinal);
            foreach (var (ids, message) in batch)
            {
                if (refusals.TryGetValue(message.MessageId ?? "", out var refusal))
                {
                    failed += await MarkAsync(ids, claimedAt, DeliveryStatus.Failed, $"{refusal.StatusCode} {refusal.Reason}", ct);
                }
                else
                {
                    sent += await MarkAsync(ids, claimedAt, DeliveryStatus.Sent, null, ct);
                }
            }

            return (sent, 0, failed, null);
        }
        catch (TransientMailFailureException ex)
        {
            // The sender hands messages over in order, so everything before the unsent tail reached the server.
            var handedOver = batch.Length - ex.UnsentCount;
            sent = await MarkAsync(batch.Take(handedOver).SelectMany(b => b.Ids), claimedAt, DeliveryStatus.Sent, null, ct);
            var deferred = await MarkAsync(batch.Skip(handedOver).SelectMany(b => b.Ids), claimedAt, DeliveryStatus.Deferred, ex.Message, ct);
            logger.LogWarning(ex, "Mail server unavailable; {Count} reminder digest(s) deferred to a later pass", ex.UnsentCount);
            return (sent, deferred, 0, ex.Message);
        }
#pragma warning disable CA1031 // Whatever broke (a full disk under the pickup directory, a bad address), the reminders stay for a later pass.
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var deferred = await MarkAsync(batch.SelectMany(b => b.Ids), claimedAt, DeliveryStatus.Deferred, ex.Message, ct);
            logger.LogError(ex, "Reminder digests could not be handed over; {Count} deferred to a later pass", batch.Length);
            return (0, deferred, 0, ex.Message);
        }
    }

    /// <summary>Records an outcome only on rows this pass still holds: a pass that overran its lease does not overwrite the next one's.</summary>
    private async Task<int> MarkAsync(IEnumerable<long> ids, Instant claimedAt, DeliveryStatus status, string? error, CancellationToken ct)
    {
        var sentAt = status == DeliveryStatus.Sent ? clock.GetCurrentInstant() : (Instant?)null;
        var lastError = error is null ? null : Truncate(error, 4000);
        var count = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in ids.Chunk(QueryChunk))
        {
            // Outcomes are recorded even if the job is being cancelled: the mail has already left.
            count += await db.ReminderDeliveries
                .Where(d => chunk.Contains(d.Id) && d.Status == DeliveryStatus.Pending && d.ClaimedAt == claimedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.SentAt, sentAt).SetProperty(d => d.LastError, lastError), CancellationToken.None);
        }

        return count;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

namespace GrantPortal.Core.Notifications;

public sealed record NotificationRow(
    long Id,
    Instant CreatedAt,
    Instant? SentAt,
    string RecipientEmail,
    string Rule,
    string ItemType,
    int ItemId,
    string ItemTitle,
    Instant Deadline,
    string LeadTime,
    DeliveryStatus Status,
    int Attempts,
    string? LastError);

public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, int Total);

public sealed record OutboxRow(
    long Id,
    Instant CreatedAt,
    Instant? SentAt,
    string RecipientEmail,
    string Purpose,
    string Subject,
    OutboxStatus Status,
    int Attempts,
    Instant NextAttemptAt,
    string? LastError);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, int Total);

/// <summary>Outbox messages per outcome: waiting counts those queued for a (next) attempt and those being sent.</summary>
public sealed record OutboxCounts(int Sent, int Waiting, int Failed);

/// <summary>Reminder outcomes per status, for the log's header.</summary>
public sealed record NotificationCounts(int Sent, int Pending, int Deferred, int Failed, int Superseded);

/// <summary>The administrators' log of every reminder and every other mail: who, about what, and what became of it.</summary>
public sealed class NotificationLog(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <param name="search">Part of the recipient's address, of the item's title, or "Type:Id" such as "Payment:12".</param>
    public async Task<NotificationPage> ListAsync(CurrentUser requester, string? search, DeliveryStatus? status, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!requester.IsIn(Roles.Administrator))
        {
            return new NotificationPage([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.ReminderDeliveries.AsNoTracking();
        if (status is { } wanted)
        {
            rows = rows.Where(d => d.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            rows = rows.Where(d => d.RecipientEmail.Contains(term) || d.ItemTitle.Contains(term) || d.Key.Contains(term));
        }

        var (found, total) = await PageAsync(
            rows.OrderByDescending(d => d.Id)
                .Select(d => new NotificationRow(d.Id, d.CreatedAt, d.SentAt, d.RecipientEmail, d.Rule, d.ItemType, d.ItemId, d.ItemTitle, d.Deadline, d.LeadTime, d.Status, d.Attempts, d.LastError)),
            page,
            pageSize,
            ct);
        return new NotificationPage(found, total);
    }

    /// <summary>The outbox: every mail a change recorded (decisions, invitations, confirmations), newest first.</summary>
    /// <param name="search">Part of the recipient's address or of the subject.</param>
    public async Task<OutboxPage> ListMailAsync(CurrentUser requester, string? search, OutboxStatus? status, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!requester.IsIn(Roles.Administrator))
        {
            return new OutboxPage([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.OutboxMessages.AsNoTracking();
        if (status is { } wanted)
        {
            rows = rows.Where(m => m.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            rows = rows.Where(m => m.RecipientEmail.Contains(term) || m.Subject.Contains(term));
        }

        var (found, total) = await PageAsync(
            rows.OrderByDescending(m => m.Id)
                .Select(m => new OutboxRow(m.Id, m.CreatedAt, m.SentAt, m.RecipientEmail, m.Purpose, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError)),
            page,
            pageSize,
            ct);
        return new OutboxPage(found, total);
    }

    public async Task<OutboxCounts> CountMailAsync(CurrentUser requester, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!requester.IsIn(Roles.Administrator))
        {
            return new OutboxCounts(0, 0, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Of(OutboxStatus s) => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0;
        return new OutboxCounts(Of(OutboxStatus.Sent), Of(OutboxStatus.Queued) + Of(OutboxStatus.Sending), Of(OutboxStatus.Failed));
    }

    public async Task<NotificationCounts> CountAsync(CurrentUser requester, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!requester.IsIn(Roles.Administrator))
        {
            return new NotificationCounts(0, 0, 0, 0, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.ReminderDeliveries.AsNoTracking()
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Of(DeliveryStatus s) => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0;
        return new NotificationCounts(Of(DeliveryStatus.Sent), Of(DeliveryStatus.Pending), Of(DeliveryStatus.Deferred), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Superseded));
    }

    private static async Task<(List<T> Rows, int Total)> PageAsync<T>(IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }
}

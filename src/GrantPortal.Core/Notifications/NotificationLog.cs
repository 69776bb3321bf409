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

/// <summary>Reminder outcomes per status, for the log's header.</summary>
public sealed record NotificationCounts(int Sent, int Pending, int Deferred, int Failed, int Superseded);

/// <summary>The administrators' log of every reminder: who, about what, and what became of it.</summary>
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

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(0, page);
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

        var total = await rows.CountAsync(ct);
        var found = await rows
            .OrderByDescending(d => d.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(d => new NotificationRow(d.Id, d.CreatedAt, d.SentAt, d.RecipientEmail, d.Rule, d.ItemType, d.ItemId, d.ItemTitle, d.Deadline, d.LeadTime, d.Status, d.Attempts, d.LastError))
            .ToListAsync(ct);
        return new NotificationPage(found, total);
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
}

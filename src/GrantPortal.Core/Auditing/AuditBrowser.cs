using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace GrantPortal.Core.Auditing;

public sealed record AuditQuery
{
    /// <summary>The start of an action, e.g. <c>payment.</c> or <c>award.cancelled</c>.</summary>
    public string? Action { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>Part of the actor's name.</summary>
    public string? Actor { get; init; }

    /// <summary>First Seoul day included.</summary>
    public LocalDate? From { get; init; }

    /// <summary>Last Seoul day included.</summary>
    public LocalDate? To { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 50;
}

public sealed record AuditRow(long Id, Instant OccurredAt, string ActorName, string Action, string EntityType, string EntityId, string? Before, string? After, string? Reason);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>
/// Reading the append-only trail: newest first, filtered and paged on the server. Officers, finance and
/// administrators may read it; anyone else gets nothing.
/// </summary>
public sealed class AuditBrowser(IDbContextFactory<PortalDbContext> dbFactory)
{
    public static bool MayRead(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsIn(Roles.ProgramOfficer) || user.IsIn(Roles.Finance) || user.IsIn(Roles.Administrator);
    }

    public async Task<AuditPage?> SearchAsync(CurrentUser user, AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!MayRead(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            events = events.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            events = events.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var id = query.EntityId.Trim();
            events = events.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            events = events.Where(e => e.ActorName.Contains(actor));
        }

        if (query.From is { } from)
        {
            var start = Seoul.StartOf(from);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = Seoul.StartOf(to.PlusDays(1));
            events = events.Where(e => e.OccurredAt < end);
        }

        var total = await events.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var rows = await events.OrderByDescending(e => e.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason))
            .ToListAsync(ct);
        return new AuditPage(rows, total);
    }

    /// <summary>The entity types present in the trail, for the filter.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (!MayRead(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(ct);
        return types.Order(StringComparer.Ordinal).ToList();
    }
}

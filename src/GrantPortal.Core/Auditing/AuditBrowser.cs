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

/// <summary>
/// One event as a reader sees it: <see cref="What"/> happened to <see cref="Subject"/>, in the reader's language;
/// <see cref="Link"/> is the record's page when the reader may open it. The codes stay for filters and exports.
/// </summary>
public sealed record AuditRow(
    long Id,
    Instant OccurredAt,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string? Reason,
    string What,
    string Subject,
    string? Link);

/// <summary>A value for a filter, with its words.</summary>
public sealed record AuditChoice(string Value, string Words);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>
/// Reading the append-only trail: newest first, filtered and paged on the server, each event told in words and
/// linked to its record where the reader may open it. Officers, finance and administrators may read it; anyone
/// else gets nothing.
/// </summary>
public sealed class AuditBrowser(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    /// <summary>The kinds of record the portal writes events about; each has words (<c>Audit_Entity_{kind}</c>).</summary>
    public static IReadOnlyList<string> RecordKinds => AuditSubjects.Kinds;

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
        var page = await events.OrderByDescending(e => e.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(e => new { e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason })
            .ToListAsync(ct);
        var subjects = await AuditSubjects.DescribeAsync(db, page.Select(e => (e.EntityType, e.EntityId)).Distinct().ToList(), user, localizer, ct);
        var rows = page.Select(e =>
            {
                var subject = subjects[(e.EntityType, e.EntityId)];
                return new AuditRow(e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason, Words(e.Action), subject.Words, subject.Link);
            })
            .ToList();
        return new AuditPage(rows, total);
    }

    /// <summary>The groups of actions to filter by (payments, reports, …), in the reader's language.</summary>
    public IReadOnlyList<AuditChoice> ActionGroups() =>
        AuditActions.Groups.Select(g => new AuditChoice(g + ".", localizer[AuditActions.GroupKey(g)].Value)).OrderBy(c => c.Words, StringComparer.CurrentCulture).ToList();

    /// <summary>What happened, in words; an undeclared code (written before it was declared) shows as itself.</summary>
    public string Words(string action)
    {
        var words = localizer[AuditActions.WordsKey(action)];
        return words.ResourceNotFound ? action : words.Value;
    }

    /// <summary>The kinds of record present in the trail, in words, for the filter.</summary>
    public async Task<IReadOnlyList<AuditChoice>> EntityTypesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (!MayRead(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(ct);
        return types.Select(t => new AuditChoice(t, AuditSubjects.EntityWords(localizer, t))).OrderBy(c => c.Words, StringComparer.CurrentCulture).ToList();
    }
}

namespace GrantPortal.Core.Auditing;

/// <summary>
/// One thing that happened: who, when, what, and the state before and after.
/// Append-only: <see cref="Data.PortalDbContext"/> refuses to update or delete a saved event, and once sealed into the
/// hash chain (<see cref="AuditChain"/>) a change made behind the portal's back is found by <see cref="AuditVerifier"/>.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }

    public Instant OccurredAt { get; private set; }

    /// <summary>The acting user's id, or null for the system (jobs, seeding).</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>A stable verb such as <c>application.submitted</c> or <c>payment.approved</c>, one of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>JSON of the relevant fields before the change; null on creation.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON of the relevant fields after the change; null on deletion.</summary>
    public string? After { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The event's place in the database's hash chain (1, 2, 3...); null until <see cref="AuditSealer"/> seals it.</summary>
    public long? ChainPosition { get; private set; }

    /// <summary>SHA-256 over the event and the previous event's hash (<see cref="AuditChain.Hash"/>); null until sealed.</summary>
    public string? ChainHash { get; private set; }

    private AuditEvent()
    {
    }

    public static AuditEvent Record(
        Instant occurredAt,
        Actor actor,
        string action,
        string entityType,
        string entityId,
        string? before = null,
        string? after = null,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!AuditActions.IsKnown(action))
        {
            // The trail is read in words: a code without words would show up raw on /audit.
            throw new ArgumentException($"'{action}' is not a declared audit action: add it to AuditActions and give it words (Audit_Action_{action}) in both languages.", nameof(action));
        }

        return new AuditEvent
        {
            OccurredAt = occurredAt,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before,
            After = after,
            Reason = reason,
        };
    }
}

/// <summary>Whoever causes a change: a signed-in user or the system itself.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorId);
        builder.Property(e => e.ChainHash).HasMaxLength(64);
        builder.HasIndex(e => e.ChainPosition).IsUnique();
    }
}

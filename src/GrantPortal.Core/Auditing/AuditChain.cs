using System.Security.Cryptography;

namespace GrantPortal.Core.Auditing;

/// <summary>
/// The audit trail as one hash chain per database: each sealed event stores its place in the chain and a SHA-256 over
/// its content and the previous event's hash, so changing or deleting a row with raw SQL breaks every hash after it.
/// Events are sealed in the order they are found committed (<see cref="AuditSealer"/>), not in id order: on a server
/// database a transaction may commit an earlier id after a later one.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash before the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The event's hash: its content as a JSON array (unambiguous whatever the text holds) after the previous hash.
    /// The instant counts ticks as stored, so the value read back from any provider hashes the same.
    /// </summary>
    public static string Hash(string previous, long position, AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(e);
        var content = JsonSerializer.Serialize(new object?[]
        {
            previous, position, e.Id, e.OccurredAt.ToUnixTimeTicks(), e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}

/// <summary>
/// The end of the chain: where the last sealed event sits and its hash. Sealing holds this row's write lock, so two
/// sealers never extend the chain from the same end; deleting the last events shows as a head the chain does not reach.
/// </summary>
public sealed class AuditChainHead : IVersioned
{
    public const int SingleId = 1;

    public int Id { get; set; }

    /// <summary>How many events the chain holds (the last one's position).</summary>
    public long Position { get; set; }

    public string Hash { get; set; } = AuditChain.Genesis;

    /// <summary>The id of the last sealed event, to name it when it goes missing.</summary>
    public long LastEventId { get; set; }

    public int Version { get; set; }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingleId, Position = 0, Hash = AuditChain.Genesis, LastEventId = 0, Version = 0 });
    }
}

namespace GrantPortal.Core.Notifications;

public enum DeliveryStatus
{
    /// <summary>Claimed by a run that is sending it now (or crashed while sending: retried once the claim lease ends).</summary>
    Pending,
    Sent,

    /// <summary>The server refused it for good (5xx); not retried.</summary>
    Failed,

    /// <summary>The server was unreachable or said "try later"; a later run sends it if it is still due.</summary>
    Deferred,

    /// <summary>Never sent because, before a retry, the item was done or a later reminder for it fell due.</summary>
    Superseded,
}

/// <summary>
/// One reminder to one person about one deadline at one lead time. The unique <see cref="Key"/>
/// is written before the mail goes out, so a rerun or a second instance never sends it again.
/// </summary>
public sealed class ReminderDelivery
{
    public long Id { get; private set; }

    /// <summary>rule|item|recipient|deadline|lead time.</summary>
    public string Key { get; set; } = "";

    public string Rule { get; set; } = "";

    public string ItemType { get; set; } = "";

    public int ItemId { get; set; }

    public string RecipientId { get; set; } = "";

    public string RecipientEmail { get; set; } = "";

    public Instant Deadline { get; set; }

    public string LeadTime { get; set; } = "";

    /// <summary>What the reminder was about, as the recipient read it, so the log is searchable by item.</summary>
    public string ItemTitle { get; set; } = "";

    /// <summary>When a run last took this row to send it; a Pending row whose claim is older than the lease was abandoned by a crash.</summary>
    public Instant? ClaimedAt { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? SentAt { get; set; }

    public static string MakeKey(string rule, string itemType, int itemId, string recipientId, Instant deadline, string leadTime) =>
        string.Join('|', rule, itemType + ":" + itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), recipientId, deadline.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), leadTime);
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(300);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Rule).HasMaxLength(40);
        builder.Property(d => d.ItemType).HasMaxLength(40);
        builder.Property(d => d.RecipientId).HasMaxLength(64);
        builder.Property(d => d.RecipientEmail).HasMaxLength(256);
        builder.Property(d => d.LeadTime).HasMaxLength(40);
        builder.Property(d => d.ItemTitle).HasMaxLength(300);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(4000);
        builder.HasIndex(d => new { d.Status, d.CreatedAt });
        builder.HasIndex(d => d.RecipientId);
    }
}

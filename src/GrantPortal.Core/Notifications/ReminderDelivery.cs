using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace GrantPortal.Core.Notifications;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
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
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(4000);
        builder.HasIndex(d => new { d.Status, d.CreatedAt });
        builder.HasIndex(d => d.RecipientId);
    }
}

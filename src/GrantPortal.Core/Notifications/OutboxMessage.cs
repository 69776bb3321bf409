namespace GrantPortal.Core.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt, at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Queued,

    /// <summary>Claimed by a pass that is sending it now (or crashed while sending: taken back once the claim lease ends).</summary>
    Sending,

    Sent,

    /// <summary>The server refused it for good (5xx), or it stayed undeliverable after every attempt; not retried.</summary>
    Failed,
}

/// <summary>
/// One mail to one person, written in their language when the change it tells of was made, and saved in the
/// same transaction: it exists exactly when the change committed. <see cref="OutboxJob"/> sends it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    /// <summary>What the mail is about, e.g. <see cref="MailPurposes.ApplicationSubmitted"/>, so the log can be read and searched.</summary>
    public string Purpose { get; private set; } = "";

    public string RecipientEmail { get; private set; } = "";

    public string RecipientName { get; private set; } = "";

    /// <summary>The language the subject and body are written in: the recipient's own.</summary>
    public string Language { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public Instant CreatedAt { get; private set; }

    public OutboxStatus Status { get; set; }

    /// <summary>Passes that took the message to send it, this one included.</summary>
    public int Attempts { get; set; }

    /// <summary>When a <see cref="OutboxStatus.Queued"/> message is due: at once when recorded, later after a transient failure.</summary>
    public Instant NextAttemptAt { get; set; }

    /// <summary>Which pass holds the message while <see cref="OutboxStatus.Sending"/>: only that pass records its outcome.</summary>
    public Guid? ClaimToken { get; set; }

    public Instant? ClaimedAt { get; set; }

    public Instant? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The recipient's account was anonymized (<see cref="Privacy.PersonalDataRetention"/>): the log keeps that a mail of
    /// this purpose went out, not to whom or what it said.
    /// </summary>
    public void RemovePersonalData(string anonymousAddress)
    {
        RecipientEmail = anonymousAddress;
        RecipientName = "";
        Body = "";
        LastError = null;
    }

    public static OutboxMessage Queue(Instant now, string purpose, MailRecipient to, string subject, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(to.Email);
        return new OutboxMessage
        {
            Purpose = purpose,
            RecipientEmail = to.Email,
            RecipientName = to.DisplayName,
            Language = Languages.Normalize(to.Language),
            Subject = subject,
            Body = body,
            CreatedAt = now,
            Status = OutboxStatus.Queued,
            NextAttemptAt = now,
        };
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Purpose).HasMaxLength(60);
        builder.Property(m => m.RecipientEmail).HasMaxLength(256);
        builder.Property(m => m.RecipientName).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(10);
        builder.Property(m => m.Subject).HasMaxLength(1000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(4000);

        // A pass looks for what is due; the log lists the newest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.ClaimToken);
    }
}

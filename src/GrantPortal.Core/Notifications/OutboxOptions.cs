using System.ComponentModel.DataAnnotations;

namespace GrantPortal.Core.Notifications;

/// <summary>How the outbox sends: the scheduled pass that catches up and retries, and how long it keeps trying.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Hangfire cron for the scheduled pass; every minute by default. A commit that queues mail starts a pass at once as well.</summary>
    [Required]
    public string Cron { get; set; } = "* * * * *";

    /// <summary>Messages sent over one SMTP connection before the next one is opened.</summary>
    [Range(1, 10000)]
    public int MessagesPerConnection { get; set; } = 200;

    /// <summary>Attempts (passes) before a message the server keeps deferring is recorded as failed.</summary>
    [Range(1, 30)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles after each further one (1, 2, 4 … minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a pass may hold a claimed message before another pass treats it as abandoned by a crash.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);
}

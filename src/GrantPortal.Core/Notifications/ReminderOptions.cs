using System.ComponentModel.DataAnnotations;

namespace GrantPortal.Core.Notifications;

/// <summary>
/// When reminders go out. Lead times are lists because configuration binding appends to a list that
/// already has items; a missing list means the default of the issue.
/// </summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    /// <summary>Hangfire cron for the recurring pass; hourly by default.</summary>
    [Required]
    public string Cron { get; set; } = "0 * * * *";

    /// <summary>The portal's public address, for the links in mail: reminder digests and staff invitations.</summary>
    [Required]
    public string PortalUrl { get; set; } = "http://localhost:5000";

    /// <summary>Days before a call closes to remind organizations with a draft (default 7 and 1).</summary>
    public int[]? CallClosingDays { get; set; }

    /// <summary>Days before a review's due date to remind its reviewer (default 3); the first overdue day always follows.</summary>
    public int[]? ReviewDueDays { get; set; }

    /// <summary>Days before a report's due date to remind the grantee (default 14 and 3).</summary>
    public int[]? ReportDueDays { get; set; }

    /// <summary>Days before a request for more information is due to remind the organization (default 3 and 1).</summary>
    public int[]? InformationDueDays { get; set; }

    /// <summary>Days a change request has waited for an officer before the officers are reminded (default 3, 7 and 14).</summary>
    public int[]? ChangeRequestDays { get; set; }

    /// <summary>Days after a call is published during which members of organizations following its categories are told of it (default 7).</summary>
    [Range(1, 60)]
    public int CallPublishedDays { get; set; } = 7;

    [Range(0, 10)]
    public int ReportOverdueRepeats { get; set; } = 3;

    [Range(1, 60)]
    public int ReportOverdueIntervalDays { get; set; } = 7;

    /// <summary>How long a run may hold a claimed reminder before another run treats it as abandoned by a crash.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Digests sent over one SMTP connection before the next one is opened.</summary>
    [Range(1, 10000)]
    public int MessagesPerConnection { get; set; } = 500;

    /// <summary>SMTP connections a pass sends over at once, each with its own batch; 1 sends the batches one after another.</summary>
    [Range(1, 16)]
    public int SendConnections { get; set; } = 4;

    public IReadOnlyList<int> CallClosingLeadDays => CallClosingDays ?? [7, 1];

    public IReadOnlyList<int> ReviewDueLeadDays => ReviewDueDays ?? [3];

    public IReadOnlyList<int> ReportDueLeadDays => ReportDueDays ?? [14, 3];

    public IReadOnlyList<int> InformationDueLeadDays => InformationDueDays ?? [3, 1];

    public IReadOnlyList<int> ChangeRequestWaitingDays => ChangeRequestDays ?? [3, 7, 14];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, days) in new[] { (nameof(CallClosingDays), CallClosingLeadDays), (nameof(ReviewDueDays), ReviewDueLeadDays), (nameof(ReportDueDays), ReportDueLeadDays), (nameof(InformationDueDays), InformationDueLeadDays), (nameof(ChangeRequestDays), ChangeRequestWaitingDays) })
        {
            if (days.Any(d => d is < 0 or > 365))
            {
                yield return new ValidationResult($"Reminders:{name} takes days between 0 and 365.", [name]);
            }
        }

        if (!Uri.TryCreate(PortalUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Reminders:PortalUrl '{PortalUrl}' is not an absolute address.", [nameof(PortalUrl)]);
        }
    }
}

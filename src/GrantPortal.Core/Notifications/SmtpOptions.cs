using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace GrantPortal.Core.Notifications;

/// <summary>
/// Where mail goes. With no <see cref="Host"/> the portal writes each message as an .eml file into
/// <see cref="PickupDirectory"/>, so a first run needs no mail server and nothing is lost.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "GrantPortal <no-reply@grantportal.local>";

    /// <summary>Upgrades the connection with STARTTLS; off means plain SMTP, as on a relay inside the ministry network.</summary>
    public bool UseStartTls { get; set; }

    /// <summary>Relative paths are resolved against the content root given to <see cref="PortalServices.AddPortalMail"/>.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a transient failure; the waits double from <see cref="RetryBaseDelay"/>: 1 s, 2 s, 4 s.</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool HasServer => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Smtp:From '{From}' is not a mail address such as \"GrantPortal <no-reply@example.org>\".", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:User is set, so Smtp:Password is needed too.", [nameof(Password)]);
        }
    }
}

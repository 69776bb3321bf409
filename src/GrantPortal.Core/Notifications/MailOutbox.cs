namespace GrantPortal.Core.Notifications;

/// <summary>A person as a mail addresses them, with the language they read.</summary>
public sealed record MailRecipient(string DisplayName, string Email, string Language);

/// <summary>What a mail is about, as the outbox records it; the log names each as <c>Notifications_Purpose{value}</c> says.</summary>
public static class MailPurposes
{
    public const string ApplicationSubmitted = "ApplicationSubmitted";

    public const string Invitation = "Invitation";

    public const string PasswordReset = "PasswordReset";

    /// <summary>A notice to an organization's members that did not name its own purpose.</summary>
    public const string OrganizationNotice = "OrganizationNotice";

    public const string DeadlineMoved = "DeadlineMoved";

    public const string CallDecided = "CallDecided";

    public const string PaymentPaid = "PaymentPaid";

    public const string ReportDecided = "ReportDecided";

    public const string OrganizationVerified = "OrganizationVerified";

    /// <summary>A message a program officer wrote to the applicants of selected applications.</summary>
    public const string OfficerMessage = "OfficerMessage";

    public const string InformationRequested = "InformationRequested";

    public const string InformationAnswered = "InformationAnswered";
    public const string ConceptNoteDecided = "ConceptNoteDecided";

    public const string TwoFactorReset = "TwoFactorReset";

    /// <summary>A grantee asked for a change of its project (or made one as a notice): the officer hears of it.</summary>
    public const string ChangeRequested = "ChangeRequested";

    /// <summary>A change request took effect, was approved or was refused: the grantee hears of it.</summary>
    public const string ChangeDecided = "ChangeDecided";

    /// <summary>A grantee submitted its agreement checklist or a change of account: the officer hears of it.</summary>
    public const string AgreementSubmitted = "AgreementSubmitted";

    /// <summary>The grant decision, a returned checklist or a decided change of account: the grantee hears of it.</summary>
    public const string AgreementDecided = "AgreementDecided";

    /// <summary>The officer confirmed the settlement (정산) and closed the award: the grantee hears what it returns.</summary>
    public const string SettlementConfirmed = "SettlementConfirmed";
}

/// <summary>
/// How a use case sends mail: it adds the message to its own context, and the message is saved with the change it
/// tells of, in the same transaction. Nothing leaves during the person's request: once the change commits, the
/// context wakes <see cref="OutboxJob"/> (see <see cref="IOutboxSignal"/>), which sends, retries and records delivery.
/// </summary>
public static class MailOutbox
{
    /// <param name="compose">Runs in the recipient's language, so the localizer it uses writes what they read.</param>
    public static OutboxMessage Add(PortalDbContext db, Instant now, string purpose, MailRecipient to, Func<(string Subject, string Body)> compose)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(compose);
        var (subject, body) = Languages.InLanguage(to.Language, compose);
        var message = OutboxMessage.Queue(now, purpose, to, subject, body);
        db.OutboxMessages.Add(message);
        return message;
    }
}

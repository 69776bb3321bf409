using MimeKit;

namespace GrantPortal.Core.Notifications;

/// <summary>Sends a batch of messages over one connection, or drops them into the pickup directory.</summary>
public interface IMailSender
{
    /// <exception cref="TransientMailFailureException">The server stayed unreachable or kept deferring after every retry.</exception>
    /// <exception cref="PermanentMailFailureException">The server refused some messages for good; the others were sent.</exception>
    Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct);
}

using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime.Text;

namespace GrantPortal.Core.Notifications;

/// <summary>
/// Delivers mail with MailKit: one SMTP connection per batch, retries with doubling waits when the
/// server is unreachable or answers 4xx, and reports 5xx refusals per message once the rest is sent.
/// With no host configured it writes .eml files to the pickup directory instead.
/// </summary>
public sealed class MailKitSender(IOptions<SmtpOptions> options, IClock clock, ILogger<MailKitSender> logger) : IMailSender
{
    private static readonly InstantPattern FileStampPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmssfff'Z'");

    /// <summary>Pickup files are read by tools that expect what an SMTP relay would carry: 7-bit, CRLF, headers encoded.</summary>
    private static readonly FormatOptions SevenBit = new() { International = false, NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        foreach (var message in messages)
        {
            if (message.From.Count == 0)
            {
                message.From.Add(MailboxAddress.Parse(settings.From));
            }

            // Korean text as raw 8-bit UTF-8 is garbled by parsers and relays that expect 7-bit mail: bodies go out
            // quoted-printable or base64; headers are RFC 2047-encoded when written (MimeKit's default, not international).
            message.Prepare(EncodingConstraint.SevenBit);
        }

        if (!settings.HasServer)
        {
            await WriteToPickupDirectoryAsync(settings, messages, ct);
            return;
        }

        // Messages leave the queue once the server has taken or refused them, so a retry never sends one twice.
        var unsent = new Queue<MimeMessage>(messages);
        var rejected = new List<RejectedMessage>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendOverOneConnectionAsync(settings, unsent, rejected, ct);
                break;
            }
            catch (Exception ex) when (IsTransient(ex, ct) && attempt <= settings.RetryCount)
            {
                var delay = settings.RetryBaseDelay * Math.Pow(2, attempt - 1);
                logger.LogWarning(
                    ex,
                    "Mail to {Host}:{Port} failed on attempt {Attempt}; {Unsent} message(s) retry in {Delay}",
                    settings.Host,
                    settings.Port,
                    attempt,
                    unsent.Count,
                    delay);
                await Task.Delay(delay, ct);
            }
            catch (Exception ex) when (IsTransient(ex, ct))
            {
                throw new TransientMailFailureException(
                    $"Could not deliver mail through {settings.Host}:{settings.Port} after {attempt} attempt(s): {ex.Message}",
                    attempt,
                    unsent.Count,
                    ex);
            }
        }

        if (rejected.Count > 0)
        {
            throw new PermanentMailFailureException(rejected);
        }
    }

    private async Task SendOverOneConnectionAsync(SmtpOptions settings, Queue<MimeMessage> unsent, List<RejectedMessage> rejected, CancellationToken ct)
    {
        using var client = await SmtpConnection.OpenAsync(settings, ct);
        while (unsent.TryPeek(out var message))
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex) when (IsPermanent(ex))
            {
                var refusal = new RejectedMessage(
                    message.MessageId ?? "",
                    message.GetRecipients().Select(r => r.Address).ToList(),
                    ex.Mailbox?.Address,
                    (int)ex.StatusCode,
                    ex.Message);
                rejected.Add(refusal);
                logger.LogError(ex, "Mail server refused message {MessageId} with {StatusCode}", refusal.MessageId, refusal.StatusCode);
            }

            unsent.Dequeue();
        }

        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Handed mail to {Host}:{Port}", settings.Host, settings.Port);
    }

    private async Task WriteToPickupDirectoryAsync(SmtpOptions settings, IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        var directory = Path.GetFullPath(settings.PickupDirectory);
        Directory.CreateDirectory(directory);
        foreach (var message in messages)
        {
            // The stamp keeps a directory listing in sending order; the Guid keeps names unique within a millisecond.
            var name = $"{FileStampPattern.Format(clock.GetCurrentInstant())}-{Guid.NewGuid():N}.eml";
            await message.WriteToAsync(SevenBit, Path.Combine(directory, name), ct);
        }

        logger.LogInformation("No SMTP host configured: wrote {Count} message(s) to {Directory}", messages.Count, directory);
    }

    private static bool IsPermanent(SmtpCommandException ex) => (int)ex.StatusCode is >= 500 and < 600;

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException when ct.IsCancellationRequested => false,
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or SocketException or IOException or TimeoutException => true,
        OperationCanceledException => true, // MailKit reports its own timeout as a cancellation.
        _ => false,
    };
}

/// <summary>Opens a MailKit connection the same way for sending and for the health check.</summary>
internal static class SmtpConnection
{
    public static async Task<SmtpClient> OpenAsync(SmtpOptions settings, CancellationToken ct)
    {
        var host = settings.HasServer ? settings.Host! : throw new InvalidOperationException("No SMTP host is configured.");
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };

        // Nagle's algorithm off: a message's body and its closing "." are separate writes, and with Nagle on the
        // second waits for the server's delayed ACK (40 ms on Linux), which capped one connection at ~12 messages
        // a second. A dual-mode socket reaches the host over IPv6 or IPv4, as MailKit's own connect would.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
                await socket.ConnectAsync(host, settings.Port, connectTimeout.Token);
            }

            var security = settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            await client.ConnectAsync(socket, host, settings.Port, security, ct);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }
}

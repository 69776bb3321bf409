using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal scripted SMTP server that refuses one recipient with 550, as a real server refuses an unknown
/// mailbox; netDumbster accepts everyone. It records the subjects of the messages it accepted.
/// </summary>
public sealed class RefusingSmtpServer(string refusedAddress) : LoopbackTcpServer
{
    private readonly List<string> accepted = [];

    /// <summary>Raw DATA of every accepted message.</summary>
    public IReadOnlyList<string> AcceptedMessages
    {
        get
        {
            lock (accepted)
            {
                return [.. accepted];
            }
        }
    }

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 refusing.test ESMTP");
                while (await reader.ReadLineAsync(Stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 refusing.test");
                            break;
                        case "RCPT" when line.Contains(refusedAddress, StringComparison.OrdinalIgnoreCase):
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(Stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.AppendLine(dataLine);
                            }

                            lock (accepted)
                            {
                                accepted.Add(data.ToString());
                            }

                            await writer.WriteLineAsync("250 2.0.0 Queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up or the server is stopping.
            }
        }
    }
}

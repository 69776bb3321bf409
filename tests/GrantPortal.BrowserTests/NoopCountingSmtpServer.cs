using System.Net.Sockets;
using System.Text;
using GrantPortal.Testing;

namespace GrantPortal.BrowserTests;

/// <summary>
/// An SMTP server on a free loopback port that accepts everything and counts NOOP commands: the portal's SMTP health
/// check connects and sends NOOP, while sending mail never does, so the count is the number of checks that ran.
/// </summary>
public sealed class NoopCountingSmtpServer : LoopbackTcpServer
{
    private int noops;

    public int Noops => Volatile.Read(ref noops);

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 counting.test ESMTP");
                while (await reader.ReadLineAsync(Stop.Token) is { } line)
                {
                    switch (line.Split(' ', 2)[0].ToUpperInvariant())
                    {
                        case "NOOP":
                            Interlocked.Increment(ref noops);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            while (await reader.ReadLineAsync(Stop.Token) is { } data && data != ".")
                            {
                            }

                            await writer.WriteLineAsync("250 Queued");
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

using System.Net;
using System.Net.Sockets;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>Forwards loopback TCP connections to another port and counts them, to see how many connections a client opened.</summary>
public sealed class CountingTcpProxy(int targetPort) : LoopbackTcpServer
{
    private int connections;

    public int Connections => Volatile.Read(ref connections);

    protected override async Task ServeAsync(TcpClient client)
    {
        Interlocked.Increment(ref connections);
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, Stop.Token);
                var up = client.GetStream().CopyToAsync(server.GetStream(), Stop.Token);
                var down = server.GetStream().CopyToAsync(client.GetStream(), Stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // Either side hung up; the test judges what arrived, not how the pipe closed.
            }
        }
    }
}

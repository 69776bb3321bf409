using System.Net;
using System.Net.Sockets;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>A TCP server on a free loopback port that hands each connection to <see cref="ServeAsync"/> until disposed.</summary>
public abstract class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task acceptLoop;

    protected LoopbackTcpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Cancelled when the server stops; connection handlers pass it on.</summary>
    protected CancellationTokenSource Stop { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end of the accept loop.
        }

        Stop.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract Task ServeAsync(TcpClient client);

    private async Task AcceptAsync()
    {
        await Task.Yield();
        while (!Stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(Stop.Token);
            _ = ServeAsync(client);
        }
    }
}

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

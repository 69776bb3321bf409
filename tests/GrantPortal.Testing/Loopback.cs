using System.Net;
using System.Net.Sockets;

namespace GrantPortal.Testing;

public static class Loopback
{
    /// <summary>A port nothing listens on right now; the OS hands it out again only after a long while.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

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

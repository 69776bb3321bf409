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

using System.Net;
using System.Net.Sockets;

namespace MedMassage.Hosting;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999), so outgoing connections never take a port we handed out, and
    // random rather than "whatever the kernel gives next", so suites starting side by side rarely pick the same one.
    private const int First = 20000, Last = 32000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A loopback port nobody listens on right now, never the same one twice in this process.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!HandedOut.Contains(port) && CanBind(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
            throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port) { ExclusiveAddressUse = true };
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> IsAcceptingAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

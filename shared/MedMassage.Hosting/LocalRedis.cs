using System.Net.Sockets;
using System.Text;

namespace MedMassage.Hosting;

/// <summary>Redis from Debian's <c>redis-server</c> package.</summary>
public sealed class LocalRedis(string stateDirectory, bool durable = false) : LocalServer("redis", stateDirectory)
{
    public override string ConnectionString => $"127.0.0.1:{Port}";

    public override async Task StartAsync(CancellationToken ct)
    {
        var redis = Binaries.Require("redis-server", "redis-server");
        string[] persistence = durable ? ["--appendonly", "yes"] : ["--save", "", "--appendonly", "no"];
        Process = ChildProcess.Start(redis,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", DataDirectory, .. persistence],
            log: Log);
        await WaitUntilReadyAsync(PongsAsync, TimeSpan.FromSeconds(30), ct);
    }

    private async Task<bool> PongsAsync(CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, ct);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }
}

using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MedMassage.Hosting;

/// <summary>Redis from Debian's <c>redis-server</c> package, run as an executable.</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
}

public static class LocalRedisExtensions
{
    /// <summary>Adds a Redis server; its connection string is <c>127.0.0.1:port</c>, as StackExchange.Redis reads it.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var redis = Binaries.Require("redis-server", "redis-server");
        var data = LocalServer.DataDirectory(builder, name);
        var resource = new LocalRedisResource(name, redis, LocalServer.StateDirectory(builder), port ?? FreePort.Next());
        string[] persistence = LocalServer.IsDurable(builder) ? ["--appendonly", "yes"] : ["--save", "", "--appendonly", "no"];
        return builder.AddResource(resource)
            .WithArgs(["--port", resource.Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", data, .. persistence])
            .WithLoopbackEndpoint("tcp", resource.Port)
            .BeforeStart(_ => Task.FromResult(Directory.CreateDirectory(data)))
            .WithProtocolProbe(new ProtocolProbe(resource.Port, "PING\r\n"u8.ToArray(),
                (buffer, read) => Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)))
            .WithIconName("Database");
    }
}

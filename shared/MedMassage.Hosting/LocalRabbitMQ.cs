using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MedMassage.Hosting;

/// <summary>RabbitMQ from Debian's <c>rabbitmq-server</c> package, run as an executable, with its management UI.</summary>
public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory, int port, int managementPort)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public int ManagementPort { get; } = managementPort;

    public Uri ManagementUrl => new($"http://127.0.0.1:{ManagementPort}/");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");
}

public static class LocalRabbitMQExtensions
{
    private const string User = "rabbitmq";
    private const string RabbitBin = "/usr/lib/rabbitmq/bin";

    /// <summary>
    /// Adds a broker with the management UI (and the shovel plugins, which move messages between queues) and its own
    /// epmd on its own port, so brokers can run side by side and no epmd daemon outlives the run.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name, int? port = null, int? managementPort = null)
    {
        var server = Path.Combine(RabbitBin, "rabbitmq-server");
        if (!File.Exists(server))
        {
            throw new MissingServerException("rabbitmq-server", "rabbitmq-server");
        }
        var epmdBinary = Binaries.Require("erlang-base", "epmd", "/usr/lib/erlang/bin/epmd");
        var data = LocalServer.DataDirectory(builder, name);
        var (epmdPort, distPort) = (FreePort.Next(), FreePort.Next());
        var node = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@localhost";
        var (command, args) = LocalServer.AsUser(User, server);
        var resource = new LocalRabbitMQResource(name, command, data, port ?? FreePort.Next(), managementPort ?? FreePort.Next());

        var epmd = builder.AddExecutable($"{name}-epmd", epmdBinary, data, "-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithParentRelationship(resource)
            // The broker gives up at once if its port mapper is not listening yet, so it waits for the port, not the process.
            .WithProtocolProbe(ProtocolProbe.Accepting(epmdPort));
        return builder.AddResource(resource)
            .WithArgs(args)
            .WithLoopbackEndpoint("tcp", resource.Port, "amqp")
            .WithLoopbackEndpoint("management", resource.ManagementPort, "http")
            .WithUrlForEndpoint("management", u => u.DisplayText = "Management UI (guest/guest)")
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = data; // the Erlang cookie lives here, shared by the broker and rabbitmqctl
                env["RABBITMQ_NODENAME"] = node;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODE_PORT"] = resource.Port.ToString(CultureInfo.InvariantCulture);
                env["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture);
                env["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
                env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false"; // our epmd resource serves it
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(data, "log");
                env["RABBITMQ_LOGS"] = "-"; // to the console, which the dashboard shows
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(data, "rabbitmq.conf");
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(data, "enabled_plugins");
                env["RABBITMQ_PID_FILE"] = Path.Combine(data, "rabbitmq.pid");
            })
            .BeforeStart(async ct =>
            {
                Directory.CreateDirectory(data);
                await File.WriteAllTextAsync(Path.Combine(data, "rabbitmq.conf"),
                    $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {resource.ManagementPort}\nloopback_users = none\n", ct);
                await File.WriteAllTextAsync(Path.Combine(data, "enabled_plugins"),
                    "[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].\n", ct);
                await LocalServer.PrepareDirectoryAsync(data, User, ct);
            })
            .WaitFor(epmd)
            // Ready when the broker answers an AMQP 0-9-1 protocol header with a Connection.Start method frame
            // (type 1 = method frame; class 10, method 10 = connection.start).
            .WithProtocolProbe(new ProtocolProbe(resource.Port, "AMQP\0\0\u0009\u0001"u8.ToArray(),
                (frame, read) => read >= 11 && frame[0] == 1 && frame[8] == 10 && frame[10] == 10))
            .WithErrorQueueCommands()
            .WithIconName("ArrowSwap");
    }
}

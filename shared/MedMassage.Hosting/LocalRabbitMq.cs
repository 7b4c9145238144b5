using System.Globalization;
using System.Net.Sockets;

namespace MedMassage.Hosting;

/// <summary>
/// RabbitMQ from Debian's <c>rabbitmq-server</c> package, with its own epmd on its own port so several
/// brokers can run side by side and none outlives us.
/// </summary>
public sealed class LocalRabbitMq(string stateDirectory, bool withManagement = false) : LocalServer("eventbus", stateDirectory)
{
    private const string User = "rabbitmq";
    private const string RabbitBin = "/usr/lib/rabbitmq/bin";
    private readonly string _node = $"medmassage-{Guid.NewGuid():N}"[..24] + "@localhost";
    private readonly int _epmdPort = FreePort.Next();
    private readonly int _distPort = FreePort.Next();
    private ChildProcess? _epmd;

    public int ManagementPort { get; } = FreePort.Next();
    public bool HasManagement => withManagement;
    public string NodeName => _node;

    public override string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public override async Task StartAsync(CancellationToken ct)
    {
        var server = Path.Combine(RabbitBin, "rabbitmq-server");
        if (!File.Exists(server))
        {
            throw new MissingServerException("rabbitmq-server", "rabbitmq-server");
        }
        var epmd = Binaries.Require("erlang-base", "epmd", "/usr/lib/erlang/bin/epmd");

        var config = Path.Combine(DataDirectory, "rabbitmq.conf");
        await File.WriteAllTextAsync(config, withManagement
            ? $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {ManagementPort}\nloopback_users = none\n"
            : "loopback_users = none\n", ct);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "enabled_plugins"), withManagement ? "[rabbitmq_management].\n" : "[].\n", ct);
        await ChownAsync(User, DataDirectory);

        _epmd = ChildProcess.Start(epmd, ["-port", _epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1"], log: new LogBuffer("epmd"));
        var (file, args) = AsUser(User, server);
        Process = ChildProcess.Start(file, args, Environment(), DataDirectory, Log);
        await WaitUntilReadyAsync(SpeaksAmqpAsync, TimeSpan.FromSeconds(180), ct); // ~6 s when idle; far longer on a busy machine
    }

    public override async Task StopAsync()
    {
        if (Process is { HasExited: false })
        {
            try
            {
                var (file, args) = AsUser(User, Path.Combine(RabbitBin, "rabbitmqctl"), "-n", _node, "stop");
                await RunAsync(file, args, Environment(), TimeSpan.FromSeconds(20));
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                // Falls through to killing the process tree.
            }
        }
        await base.StopAsync();
        if (_epmd is not null)
        {
            await _epmd.StopAsync(TimeSpan.FromSeconds(2));
        }
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["HOME"] = DataDirectory, // the Erlang cookie lives here, shared by the broker and rabbitmqctl
        ["RABBITMQ_NODENAME"] = _node,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = _distPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_PORT"] = _epmdPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(DataDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(DataDirectory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(DataDirectory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DataDirectory, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(DataDirectory, "rabbitmq.pid"),
    };

    /// <summary>Ready when the broker answers an AMQP 0-9-1 protocol header with a Connection.Start method frame.</summary>
    private async Task<bool> SpeaksAmqpAsync(CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
            var frame = new byte[12];
            var read = await stream.ReadAsync(frame, ct);
            // type 1 = method frame; class 10 / method 10 = connection.start
            return read >= 11 && frame[0] == 1 && frame[8] == 10 && frame[10] == 10;
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }
}

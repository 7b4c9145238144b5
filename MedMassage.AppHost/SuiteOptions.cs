using System.Globalization;
using MedMassage.Hosting;

namespace MedMassage.AppHost;

/// <summary>
/// The options README promises (<c>--gateway-port</c>, <c>--dashboard-port</c>, <c>--otlp-port</c>, <c>--state-dir</c>,
/// <c>--keep-state</c>, <c>--servers-only</c>, <c>--replicas</c>), mapped onto Aspire's own settings.
/// </summary>
public sealed record SuiteOptions(int GatewayPort, string? StateDirectory, bool KeepState, bool ServersOnly, string[] AspireArgs)
{
    /// <summary>
    /// <c>--replicas 2</c> runs two of each domain service and identity; <c>--replicas scheduling-api=3</c> sets one
    /// service (repeatable). The gateway and the staff app stay single here: they are what a load balancer and
    /// sticky sessions would front in a cluster (docs/operations.md).
    /// </summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    public static SuiteOptions Parse(string[] args)
    {
        var replicas = new Dictionary<string, int>();
        var rest = new List<string>();
        string? gateway = null, dashboard = null, otlp = null, state = null;
        bool keep = false, serversOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--gateway-port": gateway = Value(); break;
                case "--dashboard-port": dashboard = Value(); break;
                case "--otlp-port": otlp = Value(); break;
                case "--state-dir": state = Path.GetFullPath(Value()); break;
                case "--keep-state": keep = true; break;
                case "--servers-only": serversOnly = true; break;
                case "--replicas": AddReplicas(replicas, Value()); break;
                default: rest.Add(args[i]); break;
            }
        }
        // The dashboard on 127.0.0.1:18888 and OTLP on 18889 over plain HTTP, as launchSettings.json would set them for
        // `dotnet run`; the scripts run the built AppHost, which has no launch profile. The environment still wins
        // unless a port is given on the command line.
        var defaults = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{dashboard ?? "18888"}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{otlp ?? "18889"}",
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        };
        var explicitPorts = dashboard is not null || otlp is not null;
        rest.AddRange(defaults.Where(d => explicitPorts || Environment.GetEnvironmentVariable(d.Key) is null).Select(d => $"--{d.Key}={d.Value}"));
        return new SuiteOptions(int.Parse(gateway ?? "8080", CultureInfo.InvariantCulture), state, keep || state is not null, serversOnly, [.. rest])
        {
            Replicas = replicas,
        };
    }

    private static void AddReplicas(Dictionary<string, int> replicas, string value)
    {
        var (name, count) = value.Split('=', 2) is [var n, var c] ? (n, c) : ("default", value);
        replicas[name] = int.TryParse(count, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 8
            ? parsed : throw new ArgumentException($"--replicas {value}: give a count from 1 to 8, for all services or as name=count.");
    }

    /// <summary>Tells the local servers where to keep their data; returns that directory.</summary>
    public string Apply(IDistributedApplicationBuilder builder)
    {
        if (StateDirectory is not null)
        {
            builder.Configuration[LocalServer.StateDirectoryKey] = StateDirectory;
            builder.Configuration[LocalServer.DurableKey] = "true"; // data someone means to keep must survive a crash
        }
        foreach (var (name, count) in Replicas)
        {
            builder.Configuration[$"{AppHost.Replicas.Section}:{name}"] = count.ToString(CultureInfo.InvariantCulture);
        }
        var directory = LocalServer.StateDirectory(builder);
        Directory.CreateDirectory(directory);
        return directory;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using MedMassage.Hosting;

namespace MedMassage.Testing;

/// <summary>
/// Runs the real AppHost as a user would (its built program, its own servers, every service as a process) on
/// free ports, and stops it with SIGINT as Ctrl+C does.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AppHostProcess(ChildProcess process, int gatewayPort, int dashboardPort, int otlpPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        DashboardPort = dashboardPort;
        OtlpPort = otlpPort;
    }

    public int ProcessId => _process.Id;
    public int GatewayPort { get; }
    public int DashboardPort { get; }
    public int OtlpPort { get; }
    public Uri GatewayUrl => new($"http://127.0.0.1:{GatewayPort}");
    public Uri DashboardUrl => new($"http://127.0.0.1:{DashboardPort}");
    public string Output => string.Join(Environment.NewLine, _process.Log.Snapshot().Select(l => l.Text));
    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.ExitCode;

    /// <summary>Process ids from the resource table the AppHost prints once everything is up.</summary>
    public IReadOnlyList<int> ResourcePids =>
        [.. PidColumn().Matches(Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    public static Task<AppHostProcess> StartAsync(TimeSpan? timeout = null, params string[] extraArgs) =>
        StartAsync(timeout, new Dictionary<string, string?>(), extraArgs);

    /// <param name="environment">Extra environment for the AppHost and, through it, every project it starts.</param>
    public static async Task<AppHostProcess> StartAsync(TimeSpan? timeout, IReadOnlyDictionary<string, string?> environment, params string[] extraArgs)
    {
        var dll = Path.Combine(RepositoryRoot(), "MedMassage.AppHost", "bin", BuildConfiguration, "net10.0", "MedMassage.AppHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the AppHost first: dotnet build MedMassage.AppHost -c {BuildConfiguration}", dll);
        }
        int gateway = FreePort.Next(), dashboard = FreePort.Next(), otlp = FreePort.Next();
        var process = ChildProcess.Start("dotnet",
            [dll, "--gateway-port", Str(gateway), "--dashboard-port", Str(dashboard), "--otlp-port", Str(otlp), .. extraArgs],
            workingDirectory: RepositoryRoot(), environment: environment, log: new LogBuffer("apphost", 20_000));
        var host = new AppHostProcess(process, gateway, dashboard, otlp);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (!host.Output.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = host.Output;
                await host.DisposeAsync();
                throw new InvalidOperationException($"The AppHost did not become ready:{Environment.NewLine}{output}");
            }
            await Task.Delay(200);
        }
        return host;
    }

    /// <summary>Sends SIGINT (Ctrl+C) and waits for the AppHost to finish stopping everything.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _process.Interrupt();
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token);
        }
        return _process.ExitCode ?? -1;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await InterruptAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        await _process.DisposeAsync();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedMassage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("MedMassage.sln not found above the test binaries.");
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\S+\s+(?:Running|Unhealthy|Starting)\s+(\d+)\s", RegexOptions.Multiline)]
    private static partial Regex PidColumn();
}

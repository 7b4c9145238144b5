using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using MedMassage.Hosting;
using MedMassage.Tests.Shared;

namespace MedMassage.Testing;

/// <summary>
/// The built AppHost run as a user runs it (<c>scripts/run.sh</c>): its own process, the real Aspire dashboard, DCP
/// and every resource, on free ports. Stopped with SIGINT, as Ctrl+C does. For tests about the process itself.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process, int gatewayPort, int dashboardPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        DashboardPort = dashboardPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;
    public int GatewayPort { get; }
    public int DashboardPort { get; }
    public Uri GatewayUrl => new($"http://127.0.0.1:{GatewayPort}");
    public Uri DashboardUrl => new($"http://127.0.0.1:{DashboardPort}");
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>The dashboard's login address with its one-time token, as the AppHost prints it.</summary>
    public Uri? LoginUrl => LoginLine().Match(Output) is { Success: true } m ? new Uri(m.Groups[1].Value) : null;

    /// <summary>DCP, which Aspire starts detached: every resource process descends from it.</summary>
    public IReadOnlyList<int> Orchestrator =>
        [.. ProcessTree.All().Where(p => ProcessTree.CommandLine(p).Contains($"--monitor {ProcessId} ", StringComparison.Ordinal))];

    /// <summary>Every process the run started: the AppHost's own children and DCP with all its descendants.</summary>
    public IReadOnlyList<int> AllProcesses() =>
        [.. ProcessTree.Descendants(ProcessId).Concat(Orchestrator.SelectMany(p => ProcessTree.Descendants(p).Prepend(p))).Distinct()];

    /// <summary>Starts the AppHost and waits until the gateway reports every service healthy.</summary>
    public static Task<AppHostProcess> StartAsync(TimeSpan timeout, params string[] extraArgs) =>
        StartAsync(timeout, new Dictionary<string, string?>(), extraArgs);

    /// <param name="environment">Extra environment for the AppHost; it reaches every project it starts.</param>
    public static async Task<AppHostProcess> StartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] extraArgs)
    {
        await WholeSuiteLock.HoldForThisProcessAsync();
        var dll = Path.Combine(Repository.Root, "MedMassage.AppHost", "bin", BuildConfiguration, "net10.0", "MedMassage.AppHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the AppHost first: dotnet build MedMassage.AppHost -c {BuildConfiguration}", dll);
        }
        int gateway = FreePort.Next(), dashboard = FreePort.Next(), otlp = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [dll, "--gateway-port", Str(gateway), "--dashboard-port", Str(dashboard), "--otlp-port", Str(otlp), .. extraArgs])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var host = new AppHostProcess(Process.Start(start)!, gateway, dashboard);
        using var http = new HttpClient { BaseAddress = host.GatewayUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (!await host.IsHealthyAsync(http))
        {
            if (host.HasExited || DateTime.UtcNow > deadline)
            {
                var output = host.Output;
                await host.DisposeAsync();
                throw new InvalidOperationException($"The suite did not become healthy:{Environment.NewLine}{output}");
            }
            await Task.Delay(250);
        }
        return host;
    }

    /// <summary>Sends SIGINT (Ctrl+C) and waits for the AppHost to finish stopping everything.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 2);
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token);
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await InterruptAsync(TimeSpan.FromSeconds(60));
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private async Task<bool> IsHealthyAsync(HttpClient http)
    {
        if (!Output.Contains("Distributed application started", StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            using var response = await http.GetAsync("/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output) { _output.AppendLine(line); }
        }
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [GeneratedRegex(@"Login to the dashboard at (\S+)")]
    private static partial Regex LoginLine();
}

using System.Globalization;
using MedMassage.Hosting;

namespace MedMassage.AppHost.Hosting;

/// <summary>
/// One of our ASP.NET Core projects, run from its build output with exactly the environment an Aspire AppHost
/// injects. Its health endpoint decides when it is ready; if it crashes it is restarted with back-off.
/// </summary>
public sealed class ProjectResource(string name, string projectDirectory, AppHostOptions options) : Resource(name)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Dictionary<string, Func<string?>> _environment = [];
    private ChildProcess? _process;
    private CancellationTokenSource? _lifetime;
    private Task? _supervisor;
    private bool _stopping;

    public int Port { get; private set; } = FreePort.Next();
    public string Url => $"http://127.0.0.1:{Port}";
    public string ProjectDirectory => projectDirectory;
    public override int? ProcessId => _process is { HasExited: false } p ? p.Id : null;
    public override IReadOnlyList<string> Endpoints => [Url];
    public string? LastHealthReport { get; private set; }

    public override IReadOnlyDictionary<string, string?> Environment =>
        _environment.ToDictionary(kv => kv.Key, kv => kv.Value());

    internal void SetEnvironment(string key, Func<string?> value) => _environment[key] = value;

    internal void UsePort(int port) => Port = port;

    public override async Task StartAsync(CancellationToken ct)
    {
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var assembly = BuildOutput();
        Launch(assembly);
        await WaitHealthyAsync(_lifetime.Token);
        _supervisor = SuperviseAsync(assembly, _lifetime.Token);
    }

    /// <summary>Stops the process (SIGTERM, then the tree killed after a grace period); it is not restarted.</summary>
    public override async Task StopAsync()
    {
        _stopping = true;
        if (_lifetime is not null)
        {
            await _lifetime.CancelAsync();
        }
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(5));
        }
        SetState(ResourceState.Stopped);
    }

    /// <summary>Stops and starts the project again (the ops dashboard's restart action).</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        await StopAsync();
        _stopping = false;
        RestartCount++;
        SetState(ResourceState.Restarting);
        await StartAsync(ct);
    }

    private void Launch(string assembly)
    {
        SetState(StartedAt is null ? ResourceState.Starting : ResourceState.Restarting);
        var env = Environment.ToDictionary(kv => kv.Key, kv => kv.Value);
        env["ASPNETCORE_URLS"] = Url;
        _process = ChildProcess.Start("dotnet", [assembly], env, projectDirectory, Log);
        StartedAt = DateTimeOffset.UtcNow;
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + options.StartTimeout;
        while (!ct.IsCancellationRequested)
        {
            if (_process!.HasExited)
            {
                SetState(ResourceState.Exited, $"exit code {_process.ExitCode}");
                return;
            }
            if (await ProbeAsync(ct))
            {
                SetState(ResourceState.Running);
                return;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                SetState(ResourceState.Unhealthy, LastHealthReport ?? "no answer from /health");
                return;
            }
            await Task.Delay(250, ct);
        }
    }

    private async Task SuperviseAsync(string assembly, CancellationToken ct)
    {
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (_process!.HasExited && !_stopping)
                {
                    failures++;
                    var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures - 1)));
                    SetState(ResourceState.Exited, $"exit code {_process.ExitCode}; restarting in {delay.TotalSeconds:0} s");
                    Log.Add($"[apphost] {Name} exited with code {_process.ExitCode}; restart {failures} in {delay.TotalSeconds:0} s", isError: true);
                    await Task.Delay(delay, ct);
                    RestartCount++;
                    Launch(assembly);
                    await WaitHealthyAsync(ct);
                    continue;
                }

                var healthy = await ProbeAsync(ct);
                SetState(healthy ? ResourceState.Running : ResourceState.Unhealthy, healthy ? null : LastHealthReport);
                if (healthy && DateTimeOffset.UtcNow - StartedAt > TimeSpan.FromMinutes(1))
                {
                    failures = 0;
                }
                await Task.Delay(options.HealthInterval, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync($"{Url}/health", ct);
            LastHealthReport = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LastHealthReport = e.Message;
            return false;
        }
    }

    private string BuildOutput()
    {
        var project = Directory.GetFiles(projectDirectory, "*.csproj").Single();
        var name = Path.GetFileNameWithoutExtension(project);
        var dll = Path.Combine(projectDirectory, "bin", options.Configuration, "net10.0", name + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{name} is not built ({dll}). Run: dotnet build {project} -c {options.Configuration}");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {Url}");
}

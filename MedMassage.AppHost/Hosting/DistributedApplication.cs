using System.Runtime.InteropServices;
using MedMassage.AppHost.Dashboard;
using MedMassage.Hosting;

namespace MedMassage.AppHost.Hosting;

/// <summary>
/// Runs the declared resources: each starts once everything it waits for is ready; Ctrl+C or SIGTERM stops
/// projects first, then servers, and leaves no process behind.
/// </summary>
public sealed class DistributedApplication(IReadOnlyList<Resource> resources, AppHostOptions options)
{
    private readonly Dictionary<Resource, TaskCompletionSource> _ready =
        resources.ToDictionary(r => r, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public IReadOnlyList<Resource> Resources => resources;
    public AppHostOptions Options => options;

    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        foreach (var resource in resources)
        {
            resource.StateChanged += OnStateChanged;
        }

        var exitCode = 0;
        DashboardHost? dashboard = null;
        try
        {
            Console.WriteLine($"MedMassage AppHost: state in {options.StateDirectory}{(options.KeepState ? " (kept)" : " (temporary)")}");
            // Up before the resources, so their first telemetry and their start-up can be watched.
            dashboard = await DashboardHost.StartAsync(resources, options, shutdown.Token);
            Console.WriteLine($"Login to the dashboard at {dashboard.LoginUrl}");
            await StartAllAsync(shutdown.Token);
            ResourceTable.Print(resources);
            Console.WriteLine("Press Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM.
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"MedMassage AppHost could not start: {e.Message}");
            exitCode = 1;
        }
        finally
        {
            await StopAllAsync();
            // Last, so the services' final telemetry still has somewhere to go while they stop.
            if (dashboard is not null)
            {
                await dashboard.DisposeAsync();
            }
            if (!options.KeepState)
            {
                TryDelete(options.StateDirectory);
            }
        }
        return exitCode;
    }

    public async Task StartAllAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.StateDirectory);
        await Task.WhenAll(resources.Select(r => StartWhenReadyAsync(r, ct)));
        var notReady = resources.Where(r => !r.IsReady).ToList();
        if (notReady.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", notReady.Select(r => $"{r.Name} is {r.State}: {r.StateDetail}")));
        }
    }

    public async Task StopAllAsync()
    {
        Console.WriteLine("Stopping…");
        var projects = resources.OfType<ProjectResource>().ToList();
        // The gateway first, so no request reaches a service that is going away.
        foreach (var tier in projects.GroupBy(p => p.Dependencies.OfType<ProjectResource>().Any()).OrderByDescending(g => g.Key))
        {
            await Task.WhenAll(tier.Select(p => SafeStopAsync(p)));
        }
        await Task.WhenAll(resources.Except(projects).Select(SafeStopAsync));
        Console.WriteLine("Stopped.");
    }

    private async Task StartWhenReadyAsync(Resource resource, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(resource.Dependencies.Select(d => _ready[d].Task)).WaitAsync(ct);
            await resource.StartAsync(ct);
            if (resource.IsReady)
            {
                _ready[resource].TrySetResult();
            }
            else
            {
                _ready[resource].TrySetException(new InvalidOperationException($"{resource.Name} is {resource.State}"));
                Console.Error.WriteLine($"[{resource.Name}] last output:{Environment.NewLine}{resource.Log.Tail(20)}");
            }
        }
        catch (Exception e)
        {
            _ready[resource].TrySetException(e);
        }
    }

    private static async Task SafeStopAsync(Resource resource)
    {
        try
        {
            await resource.StopAsync();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"[{resource.Name}] stop failed: {e.Message}");
        }
    }

    private static void OnStateChanged(Resource resource) =>
        Console.WriteLine($"  {resource.Name,-20} {resource.State}{(resource.StateDetail is null ? "" : $" ({Shorten(resource.StateDetail)})")}");

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A server may still hold a file for a moment; the directory is under the temp folder anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

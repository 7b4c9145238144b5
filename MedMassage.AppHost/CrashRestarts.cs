using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedMassage.AppHost;

/// <summary>
/// Aspire leaves a crashed project stopped; on a clinic's machine nobody may be watching the dashboard, so a service
/// that exits on its own with a failure code is started again, after a back-off that grows with repeated crashes
/// (1 s, 2 s, 4 s … 30 s). A service ops stop from the dashboard exits cleanly (code 0) and stays stopped.
/// </summary>
internal static class CrashRestarts
{
    public static IDistributedApplicationBuilder RestartCrashedProjects(this IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, ct) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = WatchAsync(e.Services, e.Model.Resources.OfType<ProjectResource>().Select(p => p.Name).ToHashSet(), stopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task WatchAsync(IServiceProvider services, HashSet<string> projects, CancellationToken stopping)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var commands = services.GetRequiredService<ResourceCommandService>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("MedMassage.AppHost.CrashRestarts");
        var crashes = new Dictionary<string, (int Count, DateTime Last)>();
        var restarting = new HashSet<string>(); // DCP repeats a state in later updates; one crash, one restart
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                var (name, snapshot) = (update.Resource.Name, update.Snapshot);
                if (snapshot.State?.Text == KnownResourceStates.Running)
                {
                    restarting.Remove(name);
                }
                if (!projects.Contains(name) || !Ended(snapshot) || snapshot.ExitCode is 0 or null || !restarting.Add(name))
                {
                    continue;
                }
                var (count, last) = crashes.GetValueOrDefault(name);
                count = DateTime.UtcNow - last > TimeSpan.FromMinutes(5) ? 1 : count + 1;
                crashes[name] = (count, DateTime.UtcNow);
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, count - 1)));
                logger.LogWarning("{Resource} exited with code {ExitCode}; starting it again in {Delay} s (crash {Count})",
                    name, snapshot.ExitCode, delay.TotalSeconds, count);
                _ = RestartAsync(commands, logger, name, delay, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping; nothing is restarted any more.
        }
    }

    // DCP reports a process that ended by itself as Finished (or Exited), whatever its exit code.
    private static bool Ended(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Finished || snapshot.State?.Text == KnownResourceStates.Exited;

    private static async Task RestartAsync(ResourceCommandService commands, ILogger logger, string name, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            var result = await commands.ExecuteCommandAsync(name, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                logger.LogError("{Resource} could not be started again: {Message}", name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}

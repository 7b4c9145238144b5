using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MedMassage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace MedMassage.Testing;

/// <summary>Starts the suite's AppHost in-process with Aspire's testing support, as tests need it.</summary>
public static class AspireTesting
{
    /// <summary>The AppHost's model, built from its Program.cs with <paramref name="args"/>, ready for a test to adjust.</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAppHostAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MedMassage_AppHost>(args);
        // Servers' console output and start-up probes would flood the test log; failures still surface as errors.
        builder.Services.AddLogging(logging => logging
            .AddFilter("MedMassage.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Aspire", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        return builder;
    }

    /// <summary>Builds and starts the model, then waits until every named resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(this IDistributedApplicationTestingBuilder builder, TimeSpan timeout, params string[] healthy)
    {
        var app = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await app.StartAsync(cts.Token);
            await Task.WhenAll(healthy.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, cts.Token)));
            return app;
        }
        catch (Exception e) when (e is DistributedApplicationException or OperationCanceledException)
        {
            // Say why: the console output of every resource that did not come up healthy.
            var why = await ConsoleOfUnhealthyAsync(app, healthy);
            await app.DisposeAsync();
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}{why}", e);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> ConsoleOfUnhealthyAsync(DistributedApplication app, string[] names)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var report = new System.Text.StringBuilder();
        foreach (var name in names)
        {
            if (app.ResourceNotifications.TryGetCurrentState(name, out var state) && state.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                continue;
            }
            report.AppendLine($"--- {name}: {state?.Snapshot.State?.Text} (exit code {state?.Snapshot.ExitCode})");
            var lines = new List<string>();
            await foreach (var batch in logs.GetAllAsync(name))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
            lines.TakeLast(40).ToList().ForEach(l => report.AppendLine(l));
        }
        return report.ToString();
    }

    /// <summary>Where the local servers keep their data (the SMTP server's Maildir among it).</summary>
    public static string StateDirectory(this IDistributedApplicationTestingBuilder builder) =>
        builder.Configuration[LocalServer.StateDirectoryKey] ?? throw new InvalidOperationException("The AppHost set no state directory.");

    public static void DeleteQuietly(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

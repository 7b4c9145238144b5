using Aspire.Hosting;

namespace MedMassage.Testing;

/// <summary>One of the AppHost's servers, with an outage on demand: the dashboard's Stop and Start commands.</summary>
public class ServerControl(DistributedApplication servers, string resource, string connectionString)
{
    public string ConnectionString => connectionString;

    public async Task StopAsync()
    {
        var result = await servers.ResourceCommands.ExecuteCommandAsync(resource, "stop");
        if (!result.Success)
        {
            throw new InvalidOperationException($"{resource} did not stop: {result.Message}");
        }
        var port = new Uri(connectionString).Port;
        await Eventually.WaitAsync(() => MedMassage.Hosting.FreePort.IsAcceptingAsync(port, CancellationToken.None), accepting => !accepting,
            TimeSpan.FromSeconds(60), $"{resource} to stop listening");
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var result = await servers.ResourceCommands.ExecuteCommandAsync(resource, "start", ct);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{resource} did not start: {result.Message}");
        }
        await servers.ResourceNotifications.WaitForResourceHealthyAsync(resource, ct);
    }
}

/// <summary>The AppHost's development SMTP server and what it received.</summary>
public sealed class SmtpServer(DistributedApplication servers, string connectionString, string mailDirectory)
    : ServerControl(servers, "smtp", connectionString)
{
    /// <summary>The raw messages delivered so far, oldest first.</summary>
    public IReadOnlyList<string> Messages() =>
        [.. Directory.GetFiles(Path.Combine(mailDirectory, "new")).Concat(Directory.GetFiles(Path.Combine(mailDirectory, "cur")))
            .OrderBy(File.GetLastWriteTimeUtc).Select(File.ReadAllText)];
}

using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace MedMassage.Testing;

/// <summary>
/// The whole suite (servers, services, gateway) started by its AppHost through Aspire's testing support, with the
/// gateway on a free port. Settings in <c>environment</c> go to every project, as the AppHost's own environment would.
/// </summary>
public sealed class RunningSuite : IAsyncDisposable
{
    public static readonly string[] Services = ["identity-api", "referral-api", "scheduling-api", "clinical-notes-api", "notification-api", "staff-app"];

    private RunningSuite(DistributedApplication app, string stateDirectory, Uri gatewayUrl)
    {
        App = app;
        StateDirectory = stateDirectory;
        GatewayUrl = gatewayUrl;
    }

    public DistributedApplication App { get; }

    public string StateDirectory { get; }

    public Uri GatewayUrl { get; }

    /// <param name="appHostArgs">More of the AppHost's options, such as <c>--replicas 2</c>.</param>
    public static async Task<RunningSuite> StartAsync(IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null,
        params string[] appHostArgs)
    {
        await WholeSuiteLock.HoldForThisProcessAsync();
        // A free port rather than 8080, so a suite someone is running on this machine is left alone.
        var port = MedMassage.Hosting.FreePort.Next();
        var builder = await AspireTesting.CreateAppHostAsync(["--gateway-port", port.ToString(CultureInfo.InvariantCulture), .. appHostArgs]);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
                {
                    context.EnvironmentVariables[key] = value ?? "";
                }
            });
        }
        var stateDirectory = builder.StateDirectory();
        // Every project healthy: the services (each replica), the staff app and the gateway.
        var app = await builder.StartAsync(timeout ?? TimeSpan.FromMinutes(5), [.. builder.Resources.OfType<ProjectResource>().Select(p => p.Name)]);
        // The address tokens are issued under (the gateway's public address), not Aspire's "localhost".
        return new RunningSuite(app, stateDirectory, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>A service's own address, behind the gateway.</summary>
    public Uri EndpointOf(string resource) => App.GetEndpoint(resource, "http");

    /// <summary>
    /// The process that does the resource's work: the server itself, or for a project the service's own program
    /// (Aspire runs a project under <c>dotnet run</c>, whose child it is).
    /// </summary>
    public int? ProcessIdOf(string resource)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            return null;
        }
        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value;
        if (pid is null || !int.TryParse(pid.ToString(), CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        return state.Resource is ProjectResource ? ProcessTree.Children(id).FirstOrDefault(id) : id;
    }

    /// <summary>Every message the development SMTP server accepted, raw.</summary>
    public IReadOnlyList<string> Mailbox() => [.. Messages().Select(m => m.Text)];

    /// <summary>Every message the development SMTP server accepted, with when it arrived.</summary>
    public IReadOnlyList<MailMessage> Messages()
    {
        var mailbox = Path.Combine(StateDirectory, "smtp", "mailbox", "new");
        return Directory.Exists(mailbox) ? [.. Directory.GetFiles(mailbox).Select(f => new MailMessage(File.ReadAllText(f), File.GetLastWriteTimeUtc(f)))] : [];
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        AspireTesting.DeleteQuietly(StateDirectory);
    }
}

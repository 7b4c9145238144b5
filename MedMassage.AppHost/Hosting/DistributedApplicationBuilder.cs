using MedMassage.Hosting;
using Microsoft.Extensions.Configuration;

namespace MedMassage.AppHost.Hosting;

/// <summary>
/// Declares the topology, in the shape of Aspire's AppHost API, so the Program reads like one and the
/// services see exactly the configuration Aspire would give them.
/// </summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    private DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray())
            .Build();
        Options = AppHostOptions.FromArgs(args, Configuration);
    }

    public IConfiguration Configuration { get; }
    public AppHostOptions Options { get; }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    public ServerResource AddRabbitMQ(string name) =>
        AddServer(name, state => new LocalRabbitMq(state, withManagement: true));

    public ServerResource AddRedis(string name) => AddServer(name, state => new LocalRedis(state, Options.KeepState));

    public ServerResource AddPostgres(string name) => AddServer(name, state => new LocalPostgres(state, Options.KeepState));

    public ServerResource AddSmtp(string name) => AddServer(name, state => new LocalSmtp(state));

    public DatabaseResource AddDatabase(ServerResource postgres, string name)
    {
        var database = new DatabaseResource(name, postgres, Configuration.GetConnectionString(name));
        database.AddWaitFor(postgres);
        return Add(database);
    }

    public ProjectResource AddProject(string name, string relativeDirectory)
    {
        var project = new ProjectResource(name, Path.Combine(Options.RepositoryRoot, relativeDirectory), Options);
        project.SetEnvironment("OTEL_SERVICE_NAME", () => name);
        project.SetEnvironment("OTEL_RESOURCE_ATTRIBUTES", () => $"service.instance.id={name}");
        project.SetEnvironment("ASPNETCORE_ENVIRONMENT", () => "Development");
        project.SetEnvironment("DOTNET_ENVIRONMENT", () => "Development");
        // Short export intervals, as Aspire uses in development, so the dashboard is live.
        project.SetEnvironment("OTEL_BSP_SCHEDULE_DELAY", () => "1000");
        project.SetEnvironment("OTEL_BLRP_SCHEDULE_DELAY", () => "1000");
        project.SetEnvironment("OTEL_METRIC_EXPORT_INTERVAL", () => "5000");
        // The dashboard's OTLP receiver (gRPC over HTTP/2 without TLS).
        project.SetEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", () => $"http://127.0.0.1:{Options.OtlpPort}");
        project.SetEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", () => "grpc");
        // A dozen processes share a few cores: idle thread-pool workers spinning for work burn CPU the busy ones
        // need (measured: a fifth of the machine at 200 slot searches/s, see docs/benchmarks.md). Override to tune.
        project.SetEnvironment("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", () => System.Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") ?? "0");
        return Add(project);
    }

    public DistributedApplication Build() => new(_resources, Options);

    private ServerResource AddServer(string name, Func<string, LocalServer> local)
    {
        var existing = Configuration.GetConnectionString(name);
        return Add(new ServerResource(name, existing is null ? local(Options.StateDirectory) : null, existing));
    }

    private T Add<T>(T resource) where T : Resource
    {
        _resources.Add(resource);
        return resource;
    }
}

public static class ProjectResourceExtensions
{
    /// <summary>Injects <c>ConnectionStrings__{name}</c>, as Aspire's WithReference does for a connection-string resource.</summary>
    public static ProjectResource WithReference(this ProjectResource project, IResourceWithConnectionString source)
    {
        project.SetEnvironment($"ConnectionStrings__{source.Name}", () => source.ConnectionString);
        return project;
    }

    /// <summary>Injects <c>services__{name}__http__0</c>, Aspire's service-discovery contract.</summary>
    public static ProjectResource WithReference(this ProjectResource project, ProjectResource service)
    {
        project.SetEnvironment($"services__{service.Name}__http__0", () => service.Url);
        return project;
    }

    public static ProjectResource WaitFor(this ProjectResource project, Resource dependency)
    {
        project.AddWaitFor(dependency);
        return project;
    }

    public static ProjectResource WithHttpEndpoint(this ProjectResource project, int port)
    {
        project.UsePort(port);
        return project;
    }

    public static ProjectResource WithEnvironment(this ProjectResource project, string key, Func<string?> value)
    {
        project.SetEnvironment(key, value);
        return project;
    }
}

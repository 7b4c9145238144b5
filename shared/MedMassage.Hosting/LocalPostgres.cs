using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Hosting;

/// <summary>PostgreSQL from Debian's <c>postgresql</c> package, run as an executable; one server, a database per service.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Password=postgres");
}

public static class LocalPostgresExtensions
{
    private const string User = "postgres";

    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var bin = Binaries.PostgresBinDirectory();
        var data = LocalServer.DataDirectory(builder, name);
        var (cluster, sockets) = (Path.Combine(data, "data"), Path.Combine(data, "socket"));
        var serverPort = port ?? FreePort.Next();
        string[] settings = ["-D", cluster, "-p", serverPort.ToString(CultureInfo.InvariantCulture), "-k", sockets,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"];
        // Throwaway state need not survive a power cut; skipping fsync makes a run (and every test) much faster.
        string[] speed = LocalServer.IsDurable(builder) ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        // One executable that creates the cluster on first start, then becomes the server (exec), so its console
        // output is the server's and stopping the resource stops PostgreSQL itself.
        var script = $"""
            [ -f "{cluster}/PG_VERSION" ] || "{bin}/initdb" -D "{cluster}" -A trust -U {User} -E UTF8 --locale=C --no-sync || exit 1
            exec "{bin}/postgres" "$@"
            """;
        var (command, args) = LocalServer.AsUser(User, "/bin/sh", ["-c", script, "postgres", .. settings, .. speed]);
        var resource = new LocalPostgresResource(name, command, LocalServer.StateDirectory(builder), serverPort);
        var readiness = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            $"Host=127.0.0.1;Port={serverPort};Username={User};Database=postgres;Pooling=false;Timeout=2", name: readiness);
        return builder.AddResource(resource)
            .WithArgs(args)
            .WithLoopbackEndpoint("tcp", serverPort)
            .BeforeStart(async ct =>
            {
                Directory.CreateDirectory(cluster);
                Directory.CreateDirectory(sockets);
                await LocalServer.PrepareDirectoryAsync(data, User, ct);
            })
            .WithHealthCheck(readiness)
            .WithIconName("DatabaseStack");
    }

    /// <summary>
    /// A service's database on the server, Running once the server is ready. The service creates it itself on first
    /// start (its schema migrator does, as it must on any server), so the AppHost does not do that work a second time.
    /// The parent may also be a server given by connection string (<c>AddConnectionString</c>), ready at once.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase<T>(this IResourceBuilder<T> server, string name, string? databaseName = null)
        where T : IResourceWithConnectionString
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        var builder = server.ApplicationBuilder;
        if (server.Resource is LocalPostgresResource)
        {
            builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, (e, _) => RunningAsync(database, e.Services));
        }
        else
        {
            builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, _) => RunningAsync(database, e.Services));
        }
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithIconName("Database");
    }

    // WaitFor on the database waits for this state; without it, it would wait forever.
    private static Task RunningAsync(PostgresDatabaseResource database, IServiceProvider services) =>
        services.GetRequiredService<ResourceNotificationService>()
            .PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
}

public sealed class PostgresDatabaseResource(string name, string databaseName, IResourceWithConnectionString parent)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public IResourceWithConnectionString Parent { get; } = parent;

    // Npgsql takes the last value of a repeated key, so this names the database even if the server's string names one.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

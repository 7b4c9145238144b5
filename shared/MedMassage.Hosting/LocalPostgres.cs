using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MedMassage.Hosting;

/// <summary>PostgreSQL from Debian's <c>postgresql</c> package, run as an executable; one server, a database per service.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    /// <summary>The administrator's login: for the AppHost (which sets up each database's roles) and tests, never a service.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Password={LocalPostgresExtensions.AdminPassword}");
}

public static class LocalPostgresExtensions
{
    private const string User = "postgres";

    /// <summary>A local development server's administrator password (passwords are checked: roles mean something).</summary>
    internal const string AdminPassword = "postgres";

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
            if [ ! -f "{cluster}/PG_VERSION" ]; then
                printf '%s' '{AdminPassword}' > "{data}/pwfile"
                "{bin}/initdb" -D "{cluster}" -A scram-sha-256 --pwfile="{data}/pwfile" -U {User} -E UTF8 --locale=C --no-sync || exit 1
                rm -f "{data}/pwfile"
            fi
            exec "{bin}/postgres" "$@"
            """;
        var (command, args) = LocalServer.AsUser(User, "/bin/sh", ["-c", script, "postgres", .. settings, .. speed]);
        var resource = new LocalPostgresResource(name, command, LocalServer.StateDirectory(builder), serverPort);
        var readiness = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            $"Host=127.0.0.1;Port={serverPort};Username={User};Password={AdminPassword};Database=postgres;Pooling=false;Timeout=2", name: readiness);
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
    /// A service's database on the server, Running once the server is ready and the database exists with its two roles
    /// (<see cref="DatabaseRoles"/>): the service runs as the app role and migrates as the owner. The parent may also be
    /// a server given by an administrator's connection string (<c>AddConnectionString</c>), ready at once.
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
    private static async Task RunningAsync(PostgresDatabaseResource database, IServiceProvider services)
    {
        var admin = await database.Parent.GetConnectionStringAsync()
            ?? throw new InvalidOperationException($"{database.Parent.Name} has no connection string.");
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        try
        {
            await DatabaseRoles.EnsureAsync(admin, database.DatabaseName, database.OwnerPassword, database.AppPassword);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            // The dashboard shows why; the services waiting for it do not start against a database without its roles.
            services.GetRequiredService<ResourceLoggerService>().GetLogger(database).LogError(e, "Setting up {Database} failed", database.DatabaseName);
            await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.FailedToStart });
            return;
        }
        await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
    }
}

public sealed class PostgresDatabaseResource(string name, string databaseName, IResourceWithConnectionString parent)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public IResourceWithConnectionString Parent { get; } = parent;

    internal string OwnerPassword { get; } = DatabaseRoles.NewPassword();

    internal string AppPassword { get; } = DatabaseRoles.NewPassword();

    // Npgsql takes the last value of a repeated key, so these name the database and login whatever the server's string names.
    /// <summary>The running service's login: rows only (<see cref="DatabaseRoles"/>).</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName};Username={DatabaseRoles.AppRole(DatabaseName)};Password={AppPassword}");

    /// <summary>The owner's login, for the service's schema migrations only (<c>ConnectionStrings__{name}-owner</c>).</summary>
    public ReferenceExpression OwnerConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName};Username={DatabaseRoles.OwnerRole(DatabaseName)};Password={OwnerPassword}");
}

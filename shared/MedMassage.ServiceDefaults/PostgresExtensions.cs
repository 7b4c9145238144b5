using System.Reflection;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class PostgresExtensions
{
    public const int DefaultMaxPoolSize = 10;

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the PostgreSQL database named <paramref name="connectionName"/>
    /// (<c>ConnectionStrings:{name}</c>, as Aspire injects it), its readiness check, and the versioned SQL
    /// migrations embedded in <paramref name="migrationAssemblies"/>, applied before the service takes traffic.
    /// </summary>
    public static IHostApplicationBuilder AddPostgres<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        params System.Reflection.Assembly[] migrationAssemblies) where TContext : DbContext
    {
        var configured = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        // The services keep no session state, so a pooled connection need not be reset (a DISCARD ALL per use),
        // and their few hot statements are worth preparing once per connection instead of planning every time.
        var tuned = new NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = true };
        if (tuned.MaxAutoPrepare == 0)
        {
            tuned.MaxAutoPrepare = 64;
        }
        // A small pool, unless the connection string sets one. When a burst of requests finds every connection
        // busy, opening dozens more (each a new backend that forks, loads its catalog caches and prepares its
        // statements again) costs PostgreSQL more than the queries do, and the burst turns into a stall; waiting
        // a moment for a pooled connection is far cheaper.
        if (!Sets(configured, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            tuned.MaxPoolSize = DefaultMaxPoolSize;
        }
        var connectionString = tuned.ConnectionString;

        // Pooled, as Aspire's AddNpgsqlDbContext does: a request reuses a context instead of building its services.
        builder.Services.AddDbContextPool<TContext>(options => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new ClearPoolOnOutage())
            // A refused write (say, an exclusion violation that becomes a 409) is an answer, not a fault: EF Core
            // would log each at Error. Failures nobody handles are still logged where they surface (the request's
            // exception handler, the consumer's fault), so nothing is lost and real errors stand out.
            .ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug))));
        // Aspire's client integration adds its telemetry (Npgsql's traces and metrics) to the context registered above.
        // Not its retries: a retrying execution strategy refuses the transactions the services open themselves, and
        // a refused booking must not be tried again behind the caller's back. Not its health check either: the one
        // below has a pool of its own.
        builder.EnrichNpgsqlDbContext<TContext>(settings =>
        {
            settings.DisableRetry = true;
            settings.DisableHealthChecks = true;
        });

        // The readiness probe gets a pool of its own, so a service busy with its full pool still answers that its
        // database is reachable instead of timing out behind its own requests.
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1, ApplicationName = $"{connectionName}-health" }.ConnectionString;
        builder.Services.AddHealthChecks().AddNpgSql(probe, name: connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);

        // Scheduled work takes its lock on a small pool of its own: a sweep holds one connection while it runs.
        builder.Services.AddSingleton(new SingleReplica(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 4, ApplicationName = $"{connectionName}-scheduled-work", MaxAutoPrepare = 0,
            NoResetOnClose = false, // a lock left behind by a failed unlock is released when the connection goes back to the pool
        }.ConnectionString));

        // Migrations run as the database's owner when its login is given (ConnectionStrings:{name}-owner), so the
        // service itself runs as a role that owns nothing and cannot switch off the triggers guarding signed records.
        // The shared scripts (append-only tables) come first, then the service's own.
        Assembly[] sources = [typeof(SchemaMigrator).Assembly, .. migrationAssemblies.Length > 0 ? migrationAssemblies : [typeof(TContext).Assembly]];
        var owner = builder.Configuration.GetConnectionString($"{connectionName}-owner");
        builder.Services.AddSingleton(new SchemaMigrationSource(owner ?? connectionString, sources));
        builder.Services.AddHostedService<SchemaMigrator>();
        return builder;
    }

    private static bool Sets(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }
}

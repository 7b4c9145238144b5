using Microsoft.Extensions.Configuration;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class PostgresExtensions
{
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
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        builder.Services.AddDbContext<TContext>(options => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention());

        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);

        var sources = migrationAssemblies.Length > 0 ? migrationAssemblies : [typeof(TContext).Assembly];
        builder.Services.AddSingleton(new SchemaMigrationSource(connectionString, sources));
        builder.Services.AddHostedService<SchemaMigrator>();
        return builder;
    }
}

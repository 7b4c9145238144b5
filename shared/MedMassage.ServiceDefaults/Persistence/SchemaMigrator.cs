using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MedMassage.ServiceDefaults.Persistence;

/// <summary>Where a service's schema lives: embedded <c>*.sql</c> resources, applied in name order.</summary>
public sealed record SchemaMigrationSource(string ConnectionString, IReadOnlyList<Assembly> Assemblies);

/// <summary>
/// Applies versioned SQL scripts once each, in order, inside a transaction per script and under an advisory
/// lock so two replicas starting together never race. Plain SQL because the schema leans on PostgreSQL
/// itself: exclusion constraints, triggers that make signed records immutable.
/// </summary>
public sealed class SchemaMigrator(SchemaMigrationSource source, ILogger<SchemaMigrator> logger) : IHostedService
{
    private const long LockKey = 0x4D65644D617373; // "MedMass"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseCreator.EnsureExistsAsync(source.ConnectionString, cancellationToken);
        // Unpooled: the owner's login is for this one job and must not linger beside the service's own connections.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(source.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            foreach (var (id, sql) in Scripts().Where(s => !applied.Contains(s.Id)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, tx, sql, cancellationToken);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES (@id)", connection, tx);
                record.Parameters.AddWithValue("id", id);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Migration}", id);
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<(string Id, string Sql)> Scripts() =>
        source.Assemblies
            .SelectMany(a => a.GetManifestResourceNames()
                .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => (Id: ScriptId(n), Sql: Read(a, n))))
            .OrderBy(s => s.Id, StringComparer.Ordinal);

    // "MedMassage.Referral.Api.Migrations.0001_initial.sql" -> "0001_initial"
    private static string ScriptId(string resourceName)
    {
        var withoutExtension = resourceName[..^4];
        return withoutExtension[(withoutExtension.LastIndexOf('.') + 1)..];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT id FROM schema_migrations", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied.Add(reader.GetString(0));
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;

namespace MedMassage.LoadTest;

/// <summary>
/// Transactions per database on the suite's one PostgreSQL server (pg_stat_database), to see which services'
/// work a request causes: scheduling's own, and the consumers of its events in the other services.
/// </summary>
public sealed class PostgresActivity(string serverConnectionString)
{
    public async Task<IReadOnlyDictionary<string, long>> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname LIKE '%db'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }
        return result;
    }

    public static IReadOnlyDictionary<string, long> Between(IReadOnlyDictionary<string, long> first, IReadOnlyDictionary<string, long> second) =>
        second.ToDictionary(d => d.Key, d => d.Value - first.GetValueOrDefault(d.Key));
}

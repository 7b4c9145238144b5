using Npgsql;

namespace MedMassage.EndToEnd.Tests;

/// <summary>
/// What every service's database holds, table by table (rows and a digest of their content), to show that requests
/// the suite refused changed nothing. Tables that change by themselves or by design are left out (<see cref="Moving"/>).
/// </summary>
internal sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Digest)> Tables)
{
    public static readonly string[] Databases = ["identitydb", "referraldb", "schedulingdb", "clinicalnotesdb", "notificationdb"];

    /// <summary>
    /// Changed by the suite's own background work (outbox relays, inbox ledgers, the dispatcher, sweeps) or, on purpose,
    /// by refused requests: a wrong password counts towards the lockout.
    /// </summary>
    private static readonly HashSet<string> Moving =
    [
        "schema_migrations", "outbox_messages", "processed_messages", "messages", "message_log", "sign_in_attempts",
        "openiddict_tokens", "openiddict_authorizations", "sweep_runs",
    ];

    public static async Task<DatabaseSnapshot> TakeAsync(string adminConnectionString)
    {
        var tables = new Dictionary<string, (long, string)>();
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            var names = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }
            foreach (var name in names.Where(n => !Moving.Contains(n)))
            {
                await using var digest = new NpgsqlCommand(
                    $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{name}\" t", connection);
                await using var reader = await digest.ExecuteReaderAsync();
                await reader.ReadAsync();
                tables[$"{database}.{name}"] = (reader.GetInt64(0), reader.GetString(1));
            }
        }
        return new DatabaseSnapshot(tables);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>, with their row counts then and now.</summary>
    public IReadOnlyList<string> ChangedSince(DatabaseSnapshot before) =>
        [.. Tables.Where(t => !before.Tables.TryGetValue(t.Key, out var then) || then != t.Value)
            .Select(t => $"{t.Key}: {(before.Tables.TryGetValue(t.Key, out var then) ? then.Rows : 0)} → {t.Value.Rows} rows")];
}

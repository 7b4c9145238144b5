using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MedMassage.ServiceDefaults.Persistence;

/// <summary>
/// Scheduled work that one replica does at a time, whatever the number of replicas: a PostgreSQL advisory lock per kind
/// of work, held on a connection of its own while the work runs. Another replica's tick finds it taken and skips (the
/// next tick comes soon); a replica that dies loses its connection and with it the lock, so nothing is left stuck.
/// Effects stay once-only through the work's own records (the rows it flags in the same transaction as its events):
/// the lock saves the duplicate effort and the races, it is not the only guard.
/// </summary>
public sealed class SingleReplica(string connectionString)
{
    /// <summary>Runs <paramref name="work"/> unless another replica is running the work named <paramref name="name"/>; says whether it ran.</summary>
    public async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)", name, ct))
        {
            return false;
        }
        await RunAndUnlockAsync(connection, name, work, ct);
        return true;
    }

    /// <summary>Runs <paramref name="work"/> after any other replica running it has finished (work done once at start).</summary>
    public async Task RunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(@key)", name, ct);
        await RunAndUnlockAsync(connection, name, work, ct);
    }

    private static async Task RunAndUnlockAsync(NpgsqlConnection connection, string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        try
        {
            await work(ct);
        }
        finally
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await ScalarAsync<object>(connection, "SELECT pg_advisory_unlock(@key)", name, CancellationToken.None);
            }
        }
    }

    /// <summary>The lock's key: the first 8 bytes of the name's SHA-256, the same in every replica and every release.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"medmassage:{name}")));

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", KeyOf(name));
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

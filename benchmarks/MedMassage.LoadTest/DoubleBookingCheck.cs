using Npgsql;

namespace MedMassage.LoadTest;

/// <summary>
/// Asks scheduling's database itself, after all the load: no two live (not cancelled) appointments of one therapist,
/// or of one room, overlap; and the table holds exactly as many appointments as the API answered 201 for.
/// </summary>
public static class DoubleBookingCheck
{
    // Each live appointment against the latest end of the same therapist's (room's) earlier-starting ones: it overlaps one
    // of them exactly when it starts before that end. One pass over the rows, not a pairwise join.
    private static string Overlaps(string column) => $"""
        SELECT count(*) FROM (
            SELECT starts_at, max(ends_at) OVER (PARTITION BY {column} ORDER BY starts_at, id
                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
            FROM appointments WHERE status <> 'Cancelled') live
        WHERE starts_at < earlier_end
        """;

    public static async Task<CheckResult> RunAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        async Task<long> Count(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return new CheckResult(
            await Count("SELECT count(*) FROM appointments"),
            await Count("SELECT count(*) FROM appointments WHERE status <> 'Cancelled'"),
            await Count(Overlaps("therapist_id")),
            await Count(Overlaps("room_id")));
    }
}

public sealed record CheckResult(long Appointments, long Live, long TherapistOverlaps, long RoomOverlaps);

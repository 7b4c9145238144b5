using Npgsql;

namespace MedMassage.LoadTest;

/// <summary>
/// Asks scheduling's database itself, after all the load: no two live (not cancelled) appointments of one therapist,
/// or of one room, overlap; every 201 has exactly its one appointment, no refused booking left one behind, and
/// the only other appointments are of requests whose client gave up waiting (the server may still have booked them).
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

    public static async Task<CheckResult> RunAsync(string database, IReadOnlyDictionary<Guid, int> answers)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        async Task<long> Count(string sql, Guid[]? referrals = null)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("referrals", referrals ?? []);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        Guid[] With(Func<int, bool> status) => [.. answers.Where(a => status(a.Value)).Select(a => a.Key)];
        var (created, refused, unanswered) = (With(s => s == 201), With(s => s is not (201 or 0)), With(s => s == 0));
        const string rowsOf = "SELECT count(*) FROM appointments WHERE referral_id = ANY(@referrals)";
        return new CheckResult(
            await Count("SELECT count(*) FROM appointments"),
            await Count(Overlaps("therapist_id")),
            await Count(Overlaps("room_id")),
            created.Length, await Count(rowsOf, created),
            refused.Length, await Count(rowsOf, refused),
            unanswered.Length, await Count(rowsOf, unanswered));
    }
}

public sealed record CheckResult(
    long Appointments, long TherapistOverlaps, long RoomOverlaps,
    int Created, long RowsOfCreated, int Refused, long RowsOfRefused, int Unanswered, long RowsOfUnanswered)
{
    public bool Consistent => RowsOfCreated == Created && RowsOfRefused == 0 && Appointments == RowsOfCreated + RowsOfUnanswered;
}

using System.Buffers.Binary;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// Transaction-scoped advisory locks on the therapist's and the room's UTC day(s) of a visit being written.
/// Two in-flight inserts that collide on an exclusion constraint wait on each other's index entries, and
/// PostgreSQL breaks that tie with a deadlock error. Overlapping visits share a day, so with these locks the
/// second writer waits for the first to commit and then meets a plain exclusion violation. All keys are taken
/// in one statement in one global order (after the referral's row lock), so the locks cannot deadlock either;
/// visits on other days or of other therapists and rooms never wait on each other. The constraints still decide.
/// </summary>
internal static class BookingLocks
{
    public static Task TakeAsync(SchedulingDbContext db, Guid therapistId, Guid roomId, Interval visit, CancellationToken ct) =>
        TakeAsync(db, [(therapistId, roomId, visit)], ct);

    /// <summary>The locks of several visits written in one transaction, still in one statement and one order.</summary>
    public static Task TakeAsync(SchedulingDbContext db, IEnumerable<(Guid TherapistId, Guid RoomId, Interval Visit)> visits, CancellationToken ct)
    {
        var keys = visits.SelectMany(v => Days(v.Visit).SelectMany(day => new[] { (Key(v.TherapistId), day), (Key(v.RoomId) ^ 0x5bd1e995, day) }))
            .Distinct().Order().ToList();
        var sql = "SELECT " + string.Join(", ", keys.Select((_, i) => $"pg_advisory_xact_lock({{{2 * i}}}, {{{2 * i + 1}}})"));
        var parameters = keys.SelectMany(k => new object[] { k.Item1, k.day }).ToArray();
        return db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    private static IEnumerable<int> Days(Interval visit)
    {
        var last = (int)((visit.End.ToUnixTimeSeconds() - 1) / 86_400);
        for (var day = (int)(visit.Start.ToUnixTimeSeconds() / 86_400); day <= last; day++)
        {
            yield return day;
        }
    }

    // Stable across processes and replicas (unlike HashCode); a collision only makes two writers take turns.
    private static int Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[4..])
            ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
    }
}

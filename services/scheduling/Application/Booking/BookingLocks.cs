using System.Buffers.Binary;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// Transaction-scoped advisory locks on the therapist and then the room of a visit being written. Two inserts
/// that collide on an exclusion constraint while both are in flight wait on each other's index entries and
/// PostgreSQL breaks the tie with a deadlock error; taking these locks first, always in the order referral
/// (row lock) → therapist → room, makes the second writer wait for the first to commit and then meet a plain
/// exclusion violation instead. The constraints still decide; the locks only order the writers.
/// </summary>
internal static class BookingLocks
{
    private const int TherapistSpace = 41_001;
    private const int RoomSpace = 41_002;

    public static Task TakeAsync(SchedulingDbContext db, Guid therapistId, Guid roomId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock({TherapistSpace}, {Key(therapistId)}), pg_advisory_xact_lock({RoomSpace}, {Key(roomId)})", ct);

    // Stable across processes and replicas (unlike HashCode); a collision only makes two writers take turns.
    private static int Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[4..])
            ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
    }
}

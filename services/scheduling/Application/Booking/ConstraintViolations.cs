using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>Reads the database's refusals of a double booking as the domain's own.</summary>
internal static class ConstraintViolations
{
    public const string TherapistOverlap = "appointments_therapist_no_overlap";
    public const string RoomOverlap = "appointments_room_no_overlap";

    public static string? Overlap(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } pg ? pg.ConstraintName : null;

    /// <summary>PostgreSQL gave up on this transaction (deadlock or serialization failure); running it again is safe.</summary>
    public static bool Transient(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>How many times a booking runs again after a transient failure before it is refused as busy.</summary>
    public const int TransientRetries = 3;

    public static readonly Refusal Busy =
        new("schedule-busy", "Too many changes to this schedule at once; try again.");

    public static readonly Refusal TherapistTaken =
        new("therapist-double-booked", "The therapist already has an appointment at that time.");

    public static readonly Refusal RoomTaken =
        new("room-double-booked", "The room is already booked at that time.");

    public static readonly Refusal ChangedConcurrently =
        new("concurrent-change", "The appointment was changed by someone else; reload and try again.");
}

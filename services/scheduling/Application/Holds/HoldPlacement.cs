using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Holds;

/// <summary>A request to keep a slot; without a location, the therapist's location where they work at that time.</summary>
public sealed record PlaceHold(Guid ReferralId, Guid TherapistId, string AppointmentType, DateTimeOffset StartsAt, Guid? LocationId = null);

/// <summary>
/// Decides a hold as the booking it stands for: the same checks in the same order as <see cref="AppointmentBooking"/>
/// (held by another patient, a free room, then <see cref="Appointment.Book"/> with its rules), answering with the same
/// refusal. Only then is the time taken in Redis, so the front desk never keeps a slot the booking would refuse.
/// </summary>
public sealed class HoldPlacement(SchedulingDbContext db, SlotHolds holds, SchedulingAccess scope, TimeProvider time)
{
    public async Task<Outcome<SlotHold>> HoldAsync(PlaceHold command, CancellationToken ct)
    {
        var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == command.AppointmentType, ct);
        var referral = await scope.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ReferralId, ct);
        var therapist = await scope.Therapists.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TherapistId, ct);
        if (type is null || referral is null || therapist is null)
        {
            return Refusal.NotFound(type is null ? "The appointment type" : "The referral or therapist");
        }
        var visit = new Interval(command.StartsAt.ToUniversalTime(), command.StartsAt.ToUniversalTime() + type.Duration);
        if (await LocationAsync(command.LocationId, therapist, visit, ct) is not { } location)
        {
            return Refusal.NotFound("The location");
        }
        if (await holds.HeldByOtherAsync(therapist.Id, visit, referral.Id) is not null)
        {
            return new Refusal("slot-held", "The slot is held for another patient.");
        }
        if (await FreeRooms.FindAsync(db, location, visit, new HashSet<Guid>(), null, ct) is not { } room)
        {
            return new Refusal("no-room", "No room is free at that time.");
        }

        var appointments = await db.Appointments.AsNoTracking().Where(a => a.ReferralId == referral.Id).ToListAsync(ct);
        var request = new BookingRequest(referral, appointments, type, location, room, therapist, command.StartsAt, []);
        if (Appointment.Book(request, time.GetUtcNow()).Refusal is { } refusal)
        {
            return refusal;
        }
        // Booking leaves this to the exclusion constraint; a hold writes nothing there, so it asks.
        if (await db.Appointments.AnyAsync(a => a.TherapistId == therapist.Id && a.Status != AppointmentStatus.Cancelled
            && a.StartsAt < visit.End && a.EndsAt > visit.Start, ct))
        {
            return ConstraintViolations.TherapistTaken;
        }
        var (hold, conflict) = await holds.TryHoldAsync(referral.Id, therapist.Id, visit, SlotHolds.DefaultDuration);
        return hold is not null ? hold : new Refusal("slot-held", $"The slot is held for another patient until {conflict!.ExpiresAt:u}.");
    }

    /// <summary>
    /// The named location if the caller works there (whether the therapist does is the booking rules' call), else
    /// the caller's location where the therapist works at that time, else any of theirs (the rules then say why not).
    /// </summary>
    private async Task<Location?> LocationAsync(Guid? named, Therapist therapist, Interval visit, CancellationToken ct)
    {
        if (named is { } id)
        {
            return await scope.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        }
        var candidates = await scope.Locations.AsNoTracking().Where(l => therapist.LocationIds.Contains(l.Id)).ToListAsync(ct);
        return candidates.FirstOrDefault(l => therapist.IsWorking(l, visit)) ?? candidates.FirstOrDefault();
    }
}

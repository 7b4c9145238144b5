using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// Books and moves appointments: loads what the domain needs with the referral row locked (so two bookings
/// for one referral cannot both spend its last authorized visit), lets the domain decide, and saves the
/// appointment with its event in one transaction. Overlaps are left to the database's exclusion constraints.
/// </summary>
public sealed class AppointmentBooking(SchedulingDbContext db, IIntegrationEventOutbox outbox, SlotHolds holds, ScheduleChanges changes, TimeProvider time)
{
    public Task<Outcome<Appointment>> BookAsync(BookAppointment command, CancellationToken ct) => BookAsync(command, null, ct);

    /// <summary>
    /// Books for a caller working at <paramref name="callerLocations"/> when given: a referral they may not see is
    /// refused as unknown, judged on the row the booking locks anyway rather than by a query of its own.
    /// </summary>
    public async Task<Outcome<Appointment>> BookAsync(BookAppointment command, IReadOnlyList<Guid>? callerLocations, CancellationToken ct)
    {
        var triedRooms = new HashSet<Guid>();
        var transientFailures = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var facts = await LoadAsync(command.ReferralId, command.LocationId, command.TherapistId, command.AppointmentType, ct);
            var outcome = await BookingDecision.DecideAsync(command, callerLocations, facts, new LiveAvailability(db, holds, triedRooms, ct), time.GetUtcNow());
            if (outcome.Value is not { } appointment)
            {
                return outcome;
            }
            var (referral, location, therapist) = (facts.Referral!, facts.Location!, facts.Therapist!);
            var (room, visit) = (appointment.RoomId, appointment.Visit);
            db.Appointments.Add(appointment);
            outbox.Add(new AppointmentBooked(AppointmentInfoFactory.Create(appointment, location, therapist, referral)));
            try
            {
                await BookingLocks.TakeAsync(db, therapist.Id, room, visit, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException e) when (ConstraintViolations.Transient(e))
            {
                if (++transientFailures > ConstraintViolations.TransientRetries)
                {
                    return ConstraintViolations.Busy;
                }
                continue;
            }
            catch (DbUpdateException e) when (ConstraintViolations.Overlap(e) is { } constraint)
            {
                // Another request won this time. A room we chose ourselves may just have gone: try the next one.
                if (constraint == ConstraintViolations.RoomOverlap && command.RoomId is null && triedRooms.Add(room))
                {
                    continue;
                }
                return constraint == ConstraintViolations.RoomOverlap ? ConstraintViolations.RoomTaken : ConstraintViolations.TherapistTaken;
            }
            if (command.HoldId is { } holdId)
            {
                await holds.ReleaseAsync(holdId);
            }
            await changes.VisitChangedAsync(location.Id, therapist.LocationIds, ct);
            return appointment;
        }
    }

    public async Task<Outcome<Appointment>> RescheduleAsync(Guid appointmentId, RescheduleAppointment command, CancellationToken ct)
    {
        var current = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (current is null)
        {
            return Refusal.NotFound("The appointment");
        }
        var triedRooms = new HashSet<Guid>();
        var transientFailures = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The caller may see the appointment, checked before.
            var facts = await LoadAsync(current.ReferralId, current.LocationId, command.TherapistId ?? current.TherapistId, current.TypeCode, ct);
            if (BookingDecision.Missing(facts, null) is { } missing)
            {
                return missing;
            }
            var (referral, referralAppointments, type, location, therapist) = (facts.Referral!, facts.ReferralAppointments, facts.Type!, facts.Location!, facts.Therapist!);
            var appointment = referralAppointments.Single(a => a.Id == appointmentId);
            var (previousStart, previousEnd) = (appointment.StartsAt, appointment.EndsAt);
            var visit = new Interval(command.StartsAt.ToUniversalTime(), command.StartsAt.ToUniversalTime() + type.Duration);
            if (await holds.HeldByOtherAsync(therapist.Id, visit, referral.Id) is not null)
            {
                return new Refusal("slot-held", "The slot is held for another patient.");
            }
            var room = command.RoomId ?? await FreeRooms.FindAsync(db, location, visit, triedRooms, appointment, ct);
            if (room is null)
            {
                return new Refusal("no-room", "No room is free at that time.");
            }

            var request = new BookingRequest(referral, referralAppointments, type, location, room.Value, therapist, command.StartsAt,
                appointment.Techniques, appointment.SeriesId) { Rescheduling = appointment };
            if (appointment.Reschedule(request, time.GetUtcNow()) is { } refusal)
            {
                return refusal;
            }
            outbox.Add(new AppointmentRescheduled(AppointmentInfoFactory.Create(appointment, location, therapist, referral), previousStart, previousEnd));
            try
            {
                await BookingLocks.TakeAsync(db, therapist.Id, room.Value, visit, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ConstraintViolations.ChangedConcurrently;
            }
            catch (DbUpdateException e) when (ConstraintViolations.Transient(e))
            {
                if (++transientFailures > ConstraintViolations.TransientRetries)
                {
                    return ConstraintViolations.Busy;
                }
                continue;
            }
            catch (DbUpdateException e) when (ConstraintViolations.Overlap(e) is { } constraint)
            {
                if (constraint == ConstraintViolations.RoomOverlap && command.RoomId is null && triedRooms.Add(room.Value))
                {
                    continue;
                }
                return constraint == ConstraintViolations.RoomOverlap ? ConstraintViolations.RoomTaken : ConstraintViolations.TherapistTaken;
            }
            var previousTherapist = current.TherapistId == therapist.Id ? therapist : await db.Therapists.FindAsync([current.TherapistId], ct);
            await changes.VisitChangedAsync(location.Id, therapist.LocationIds.Concat(previousTherapist?.LocationIds ?? []), ct);
            await changes.TimeFreedAsync(location.Id, current.TherapistId, new Interval(previousStart, previousEnd), ct);
            return appointment;
        }
    }

    /// <summary>What the booking is decided on, with the referral's row locked.</summary>
    private async Task<BookingFacts> LoadAsync(Guid referralId, Guid locationId, Guid therapistId, string typeCode, CancellationToken ct)
    {
        // The row lock serializes bookings of one referral; bookings of different referrals run in parallel.
        var referral = await db.Referrals.FromSql($"SELECT *, xmin FROM referrals WHERE id = {referralId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (referral is null)
        {
            return new BookingFacts(null, [], null, null, null);
        }
        // Everything else the rules need, in one round trip, but never in the locking statement: a statement sees
        // what was committed when it began, so one that waited for the lock would miss the appointments the
        // booking it waited for has just added.
        var loaded = await db.Referrals.Where(r => r.Id == referralId)
            .Select(r => new
            {
                Appointments = db.Appointments.Where(a => a.ReferralId == r.Id).ToList(),
                Type = db.AppointmentTypes.FirstOrDefault(t => t.Code == typeCode),
                Location = db.Locations.FirstOrDefault(l => l.Id == locationId),
                Therapist = db.Therapists.FirstOrDefault(t => t.Id == therapistId),
            })
            .SingleAsync(ct);
        return new BookingFacts(referral, loaded.Appointments, loaded.Type, loaded.Location, loaded.Therapist);
    }

    /// <summary>Holds in Redis, rooms in PostgreSQL; a room that just went is not offered again.</summary>
    private sealed class LiveAvailability(SchedulingDbContext db, SlotHolds holds, HashSet<Guid> triedRooms, CancellationToken ct) : IBookingAvailability
    {
        public async ValueTask<bool> HeldForAnotherAsync(Guid therapistId, Interval visit, Guid referralId) =>
            await holds.HeldByOtherAsync(therapistId, visit, referralId) is not null;

        public async ValueTask<Guid?> FreeRoomAsync(Location location, Interval visit) => await FreeRooms.FindAsync(db, location, visit, triedRooms, null, ct);
    }
}

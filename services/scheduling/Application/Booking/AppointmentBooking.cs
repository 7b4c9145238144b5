using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
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
            var loaded = await LoadAsync(command.ReferralId, command.LocationId, command.TherapistId, command.AppointmentType, callerLocations, ct);
            if (loaded.Refusal is { } missing)
            {
                return missing;
            }
            var (referral, referralAppointments, type, location, therapist) = loaded.Value!;
            var visit = new Interval(command.StartsAt.ToUniversalTime(), command.StartsAt.ToUniversalTime() + type.Duration);
            // Redis (holds) and PostgreSQL (rooms) are asked at once.
            var heldByOther = holds.HeldByOtherAsync(therapist.Id, visit, referral.Id);
            var room = command.RoomId ?? await FreeRooms.FindAsync(db, location, visit, triedRooms, null, ct);
            if (await heldByOther is not null)
            {
                return new Refusal("slot-held", "The slot is held for another patient.");
            }
            if (room is null)
            {
                return new Refusal("no-room", "No room is free at that time.");
            }

            var request = new BookingRequest(referral, referralAppointments, type, location, room.Value, therapist, command.StartsAt,
                command.Techniques ?? [], command.SeriesId);
            var outcome = Appointment.Book(request, time.GetUtcNow());
            if (outcome.Value is not { } appointment)
            {
                return outcome;
            }
            db.Appointments.Add(appointment);
            outbox.Add(new AppointmentBooked(AppointmentInfoFactory.Create(appointment, location, therapist, referral)));
            try
            {
                await BookingLocks.TakeAsync(db, therapist.Id, room.Value, visit, ct);
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
                if (constraint == ConstraintViolations.RoomOverlap && command.RoomId is null && triedRooms.Add(room.Value))
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
            var loaded = await LoadAsync(current.ReferralId, current.LocationId, command.TherapistId ?? current.TherapistId, current.TypeCode, null, ct); // the caller may see the appointment, checked before
            if (loaded.Refusal is { } missing)
            {
                return missing;
            }
            var (referral, referralAppointments, type, location, therapist) = loaded.Value!;
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

    private async Task<Outcome<Loaded>> LoadAsync(
        Guid referralId, Guid locationId, Guid therapistId, string typeCode, IReadOnlyList<Guid>? callerLocations, CancellationToken ct)
    {
        // The row lock serializes bookings of one referral; bookings of different referrals run in parallel.
        var referral = await db.Referrals.FromSql($"SELECT *, xmin FROM referrals WHERE id = {referralId} FOR UPDATE").SingleOrDefaultAsync(ct);
        // A referral the caller may not see answers exactly as one that does not exist, before anything else is
        // looked at, so no later refusal (an unknown therapist, say) tells the two apart.
        if (referral is null || (callerLocations is not null && !LocationScope.MaySee(callerLocations, referral)))
        {
            return LocationScope.UnknownReferral;
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
        if (loaded is not { Type: { } type, Location: { } location, Therapist: { } therapist })
        {
            return Refusal.NotFound(loaded.Type is null ? "The appointment type" : loaded.Location is null ? "The location" : "The therapist");
        }
        return new Loaded(referral, loaded.Appointments, type, location, therapist);
    }

    private sealed record Loaded(Referral Referral, List<Appointment> Appointments, AppointmentType Type, Location Location, Domain.Therapists.Therapist Therapist);
}

using MedMassage.Contracts;
using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>Check-in, completion, no-show and cancellation: the domain decides, the event goes out with the change.</summary>
public sealed class AppointmentLifecycle(SchedulingDbContext db, IIntegrationEventOutbox outbox, ScheduleChanges changes, TimeProvider time, IConfiguration configuration)
{
    /// <summary>How long before the start a patient may be checked in (<c>Scheduling:CheckInLeadTime</c>, e.g. "02:00:00").</summary>
    public TimeSpan CheckInLeadTime => configuration.GetValue("Scheduling:CheckInLeadTime", Appointment.DefaultCheckInLeadTime);

    public async Task<Outcome<Appointment>> ChangeAsync(Guid appointmentId, StatusChange change, string? reason, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ChangeOnceAsync(appointmentId, change, reason, ct);
            }
            catch (DbUpdateException e) when (ConstraintViolations.Transient(e))
            {
                // A status change can meet a booking in flight on the exclusion index; PostgreSQL then aborts one.
                if (attempt == ConstraintViolations.TransientRetries)
                {
                    return ConstraintViolations.Busy;
                }
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome<Appointment>> ChangeOnceAsync(Guid appointmentId, StatusChange change, string? reason, CancellationToken ct)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null)
        {
            return Refusal.NotFound("The appointment");
        }
        var location = await db.Locations.SingleAsync(l => l.Id == appointment.LocationId, ct);
        var therapist = await db.Therapists.SingleAsync(t => t.Id == appointment.TherapistId, ct);
        var referral = await db.Referrals.SingleAsync(r => r.Id == appointment.ReferralId, ct);
        var now = time.GetUtcNow();

        var refusal = change switch
        {
            StatusChange.CheckIn => referral.RefusalToAttend(completing: false) ?? appointment.CheckIn(now, CheckInLeadTime),
            StatusChange.Complete => referral.RefusalToAttend(completing: true) ?? appointment.Complete(now),
            StatusChange.NoShow => appointment.MarkNoShow(now),
            _ => appointment.Cancel(location, reason, now),
        };
        if (refusal is not null)
        {
            return refusal;
        }

        var info = AppointmentInfoFactory.Create(appointment, location, therapist, referral);
        outbox.Add(change switch
        {
            StatusChange.CheckIn => new AppointmentCheckedIn(info),
            StatusChange.Complete => new AppointmentCompleted(info),
            StatusChange.NoShow => new AppointmentNoShow(info),
            _ => (IntegrationEvent)new AppointmentCancelled(info, appointment.IsLateCancellation, reason),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConstraintViolations.ChangedConcurrently;
        }
        if (change == StatusChange.Cancel)
        {
            await changes.VisitChangedAsync(location.Id, therapist.LocationIds, ct);
            await changes.TimeFreedAsync(location.Id, therapist.Id, appointment.Visit, ct);
        }
        return appointment;
    }
}

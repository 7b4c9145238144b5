using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Referrals;

/// <summary>
/// When a referral closes (discharged, cancelled, expired, out of visits) its visits still to happen will not: each is
/// cancelled by the clinic and announced, so reminders stop and the patient is told, and its time is offered again.
/// </summary>
public sealed class ReferralClosure(SchedulingDbContext db, IIntegrationEventOutbox outbox, ScheduleChanges changes)
{
    private readonly List<(Appointment Appointment, IReadOnlyList<Guid> TherapistLocations)> _freed = [];

    public async Task CancelPendingVisitsAsync(BookingReferral referral, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.Appointments
            .Where(a => a.ReferralId == referral.Id && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
            .ToListAsync(ct);
        var locationIds = pending.Select(a => a.LocationId).Distinct().ToList();
        var therapistIds = pending.Select(a => a.TherapistId).Distinct().ToList();
        var locations = await db.Locations.Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var therapists = await db.Therapists.Where(t => therapistIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var reason = $"The referral is {referral.Status}" + (referral.StatusReason is null ? "." : $": {referral.StatusReason}.");
        foreach (var appointment in pending.Where(a => a.CancelForClosedReferral(reason, now)))
        {
            var (location, therapist) = (locations[appointment.LocationId], therapists[appointment.TherapistId]);
            outbox.Add(new AppointmentCancelled(AppointmentInfoFactory.Create(appointment, location, therapist, referral), false, reason));
            _freed.Add((appointment, therapist.LocationIds));
        }
    }

    /// <summary>After the commit: slot searches see the freed time, and the waitlist is offered it.</summary>
    public async Task AnnounceFreedTimeAsync(CancellationToken ct)
    {
        foreach (var (appointment, therapistLocations) in _freed)
        {
            await changes.VisitChangedAsync(appointment.LocationId, therapistLocations, ct);
            await changes.TimeFreedAsync(appointment.LocationId, appointment.TherapistId, appointment.Visit, ct);
        }
        _freed.Clear();
    }
}

using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Domain.Waitlist;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Waitlist;

/// <summary>
/// Offers freed time to the first waiting patient it suits and whose referral may book it, holding the slot for
/// them while the offer lasts, so nobody else can take it meanwhile.
/// </summary>
public sealed class WaitlistOffers(SchedulingDbContext db, IIntegrationEventOutbox outbox, SlotHolds holds, TimeProvider time, IConfiguration configuration)
    : IFreedTimeListener
{
    public TimeSpan OfferDuration => TimeSpan.FromMinutes(configuration.GetValue("Scheduling:WaitlistOfferMinutes", 15));

    public async Task TimeFreedAsync(Guid locationId, Guid therapistId, Interval freed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, ct);
        var therapist = await db.Therapists.AsNoTracking().FirstOrDefaultAsync(t => t.Id == therapistId, ct);
        if (freed.Start <= now || location is null || therapist is null || location.Rooms.Count == 0)
        {
            return;
        }
        var waiting = await db.Waitlist.Where(w => w.LocationId == locationId && w.Status == WaitlistStatus.Waiting).OrderBy(w => w.CreatedAt).ToListAsync(ct);
        var types = await db.AppointmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        foreach (var entry in waiting)
        {
            var type = types[entry.AppointmentType];
            var visit = new Interval(freed.Start, freed.Start + type.Duration);
            if (!freed.Contains(visit) || !entry.Wants(therapistId, visit))
            {
                continue;
            }
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == entry.ReferralId, ct);
            var appointments = await db.Appointments.AsNoTracking().Where(a => a.ReferralId == referral.Id).ToListAsync(ct);
            var request = new BookingRequest(referral, appointments, type, location, location.Rooms[0].Id, therapist, visit.Start, []);
            if (BookingRules.Check(request, visit, now) is not null)
            {
                continue;
            }
            var taken = await db.Appointments.AnyAsync(a => a.TherapistId == therapistId && a.Status != AppointmentStatus.Cancelled
                && a.StartsAt < visit.End && a.EndsAt > visit.Start, ct);
            var (hold, _) = taken ? (null, null) : await holds.TryHoldAsync(referral.Id, therapistId, visit, OfferDuration);
            if (hold is null)
            {
                return; // the time is gone again
            }
            entry.Offer(therapistId, visit, hold.Id, hold.ExpiresAt);
            outbox.Add(new WaitlistSlotOffered(entry.Id, referral.Id, referral.Patient, location.Info(), therapist.Id, therapist.Name,
                visit.Start, visit.End, hold.ExpiresAt));
            await db.SaveChangesAsync(ct);
            return;
        }
    }

    /// <summary>Lets every offer that ran out go, tells the patient, and offers each slot to the next in line.</summary>
    public async Task<int> ExpireDueOffersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<WaitlistEntry> due;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            due = await db.Waitlist
                .FromSql($"SELECT * FROM waitlist_entries WHERE status = 'Offered' AND offer_expires_at <= {now} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            var freed = due.Select(e => (e.LocationId, Therapist: e.OfferedTherapistId!.Value, Visit: new Interval(e.OfferedStartsAt!.Value, e.OfferedEndsAt!.Value), Hold: e.OfferHoldId)).ToList();
            due.ForEach(e => e.LetOfferExpire());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            foreach (var (locationId, therapistId, visit, hold) in freed)
            {
                if (hold is { } holdId)
                {
                    await holds.ReleaseAsync(holdId);
                }
                await TimeFreedAsync(locationId, therapistId, visit, ct);
            }
        }
        return due.Count;
    }

    /// <summary>Books the offered slot for the patient; the entry's own hold does not stand in its way.</summary>
    public async Task<Outcome<Appointment>> AcceptAsync(Guid entryId, AppointmentBooking booking, CancellationToken ct)
    {
        var entry = await db.Waitlist.AsNoTracking().FirstOrDefaultAsync(w => w.Id == entryId, ct);
        if (entry is null)
        {
            return Refusal.NotFound("The waitlist entry");
        }
        if (entry.CanAccept(time.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }
        var outcome = await booking.BookAsync(new BookAppointment(entry.ReferralId, entry.LocationId, entry.OfferedTherapistId!.Value,
            entry.AppointmentType, entry.OfferedStartsAt!.Value, HoldId: entry.OfferHoldId), ct);
        if (outcome.Value is { } appointment)
        {
            var tracked = await db.Waitlist.SingleAsync(w => w.Id == entryId, ct);
            tracked.Fulfil(appointment.Id);
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }
}

/// <summary>Checks for offers that ran out about once a second.</summary>
public sealed class WaitlistOfferExpiry(IServiceScopeFactory scopes, ILogger<WaitlistOfferExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WaitlistOffers>().ExpireDueOffersAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Expiring waitlist offers failed; retrying");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

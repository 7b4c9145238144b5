using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace MedMassage.Scheduling.Api.Application.Slots;

public sealed record SlotQuery(Guid ReferralId, IReadOnlyList<Guid> LocationIds, DateOnly From, DateOnly To, string AppointmentType, Guid? TherapistId);

/// <summary>A bookable visit: in UTC for machines, and in the location's local time (with offset) for people.</summary>
public sealed record Slot(
    Guid LocationId, Guid TherapistId, string TherapistName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset LocalStartsAt, DateTimeOffset LocalEndsAt, string TimeZone);

/// <summary>
/// Free slots for a referral. The expensive part (working time minus live appointments and full rooms, per
/// therapist) is cached per location and schedule generation; the referral's own rules, the therapists'
/// licences and certifications, live holds and the clock are applied on every request with the same domain
/// rules booking uses, so a slot shown is a slot booking accepts.
/// </summary>
public sealed class SlotSearch(SchedulingDbContext db, HybridCache cache, ScheduleChanges changes, SlotHolds holds, TimeProvider time)
{
    public async Task<Outcome<IReadOnlyList<Slot>>> FindAsync(SlotQuery query, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ReferralId, ct);
        var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == query.AppointmentType, ct);
        if (referral is null || type is null)
        {
            return Refusal.NotFound(referral is null ? "The referral" : "The appointment type");
        }
        var referralAppointments = await db.Appointments.AsNoTracking().Where(a => a.ReferralId == referral.Id).ToListAsync(ct);
        var techniques = referral.TechniquesForCare;
        if (BookingRules.ReferralAllows(referral, referralAppointments, type.Kind, techniques) is { } refusal)
        {
            return refusal;
        }

        var slots = new List<Slot>();
        foreach (var locationId in query.LocationIds.Distinct())
        {
            var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, ct);
            if (location is null)
            {
                return Refusal.NotFound("The location");
            }
            slots.AddRange(await FindAtAsync(location, referral, type, techniques, query, ct));
        }
        return slots.OrderBy(s => s.StartsAt).ThenBy(s => s.TherapistName).ToList();
    }

    private async Task<IEnumerable<Slot>> FindAtAsync(
        Location location, Referral referral, AppointmentType type, IReadOnlyList<string> techniques, SlotQuery query, CancellationToken ct)
    {
        var therapists = await db.Therapists.AsNoTracking()
            .Where(t => t.LocationIds.Contains(location.Id) && (query.TherapistId == null || t.Id == query.TherapistId))
            .ToListAsync(ct);
        var generation = await changes.GenerationAsync(location.Id);
        var key = $"scheduling:slots:{location.Id}:{generation}:{query.From:yyyyMMdd}:{query.To:yyyyMMdd}:{type.DurationMinutes}:{query.TherapistId}";
        var open = await cache.GetOrCreateAsync(key, async token => await OpenVisitsAsync(location, therapists, type.Duration, query, token),
            new HybridCacheEntryOptions { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) },
            cancellationToken: ct);

        var now = time.GetUtcNow();
        var held = (await holds.ActiveAsync(therapists.Select(t => t.Id))).Where(h => h.ReferralId != referral.Id).ToList();
        var byId = therapists.ToDictionary(t => t.Id);
        var clock = location.Clock;
        return open
            .Where(v => byId.ContainsKey(v.TherapistId) && v.StartsAt > now)
            .Select(v => (Visit: new Interval(v.StartsAt, v.EndsAt), Therapist: byId[v.TherapistId]))
            .Where(v =>
            {
                var date = clock.DateOf(v.Visit.Start);
                return BookingRules.DateAllowed(referral, date) is null
                    && v.Therapist.MayTreat(techniques, location.Id, date) is null
                    && !held.Any(h => h.TherapistId == v.Therapist.Id && h.Visit.Overlaps(v.Visit));
            })
            .Select(v => new Slot(location.Id, v.Therapist.Id, v.Therapist.Name, v.Visit.Start, v.Visit.End,
                clock.ToLocal(v.Visit.Start), clock.ToLocal(v.Visit.End), location.TimeZone));
    }

    /// <summary>Per therapist, every visit that fits their working time with the therapist and a room free.</summary>
    private async Task<List<OpenVisit>> OpenVisitsAsync(Location location, List<Therapist> therapists, TimeSpan duration, SlotQuery query, CancellationToken ct)
    {
        var clock = location.Clock;
        var rangeStart = clock.ToInstant(query.From, TimeOnly.MinValue, LocalClock.Ambiguity.Earlier);
        var rangeEnd = clock.ToInstant(query.To.AddDays(1), TimeOnly.MinValue, LocalClock.Ambiguity.Earlier);
        var therapistIds = therapists.Select(t => t.Id).ToList();
        var live = await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt < rangeEnd && a.EndsAt > rangeStart)
            .Where(a => a.LocationId == location.Id || therapistIds.Contains(a.TherapistId))
            .Select(a => new { a.TherapistId, a.RoomId, a.LocationId, a.StartsAt, a.EndsAt })
            .ToListAsync(ct);
        var roomIds = location.Rooms.Select(r => r.Id).ToHashSet();
        var roomBusy = live.Where(a => roomIds.Contains(a.RoomId)).Select(a => (a.RoomId, Visit: new Interval(a.StartsAt, a.EndsAt))).ToList();
        bool RoomFree(Interval visit) => roomIds.Any(room => !roomBusy.Any(b => b.RoomId == room && b.Visit.Overlaps(visit)));

        var open = new List<OpenVisit>();
        foreach (var therapist in therapists)
        {
            var busy = live.Where(a => a.TherapistId == therapist.Id).Select(a => new Interval(a.StartsAt, a.EndsAt)).ToList();
            for (var date = query.From; date <= query.To; date = date.AddDays(1))
            {
                open.AddRange(SlotFinder.FreeVisits(therapist.WorkingIntervals(location, date), busy, duration, DateTimeOffset.MinValue, RoomFree)
                    .Select(v => new OpenVisit(therapist.Id, v.Start, v.End)));
            }
        }
        return open;
    }

    public sealed record OpenVisit(Guid TherapistId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
}

using System.ComponentModel;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace MedMassage.Scheduling.Api.Application.Slots;

/// <summary>
/// One location's open times for one date range and visit length: per therapist and local day, the starts at
/// which the therapist and a room are both free. Immutable and sealed, so the in-memory cache hands every
/// request the same instance instead of deserializing thousands of entries per search.
/// </summary>
[ImmutableObject(true)]
public sealed class OpenTimes(IReadOnlyList<OpenDay> days)
{
    public IReadOnlyList<OpenDay> Days { get; } = days;
}

/// <summary>Starts in the location's local time (with its offset, so each is also an exact instant).</summary>
public sealed record OpenDay(Guid TherapistId, DateOnly Date, IReadOnlyList<DateTimeOffset> Starts);

/// <summary>
/// Computes and caches <see cref="OpenTimes"/>, keyed by the location's schedule generation so every change that
/// affects them (see <see cref="ScheduleChanges"/>) makes the old entry unreachable on every replica at once.
/// </summary>
public sealed class OpenTimesCache(SchedulingDbContext db, HybridCache cache, ScheduleChanges changes)
{
    private static readonly HybridCacheEntryOptions Lifetime = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) };

    public async Task<OpenTimes> GetAsync(Location location, IReadOnlyList<Therapist> therapists, TimeSpan duration, DateOnly from, DateOnly to, Guid? therapistId, CancellationToken ct)
    {
        var generation = await changes.GenerationAsync(location.Id);
        var key = $"scheduling:open:{location.Id}:{generation}:{from:yyyyMMdd}:{to:yyyyMMdd}:{duration.TotalMinutes}:{therapistId}";
        return await cache.GetOrCreateAsync(key, async token => await ComputeAsync(location, therapists, duration, from, to, token), Lifetime, cancellationToken: ct);
    }

    private async Task<OpenTimes> ComputeAsync(Location location, IReadOnlyList<Therapist> therapists, TimeSpan duration, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var clock = location.Clock;
        var rangeStart = clock.ToInstant(from, TimeOnly.MinValue, LocalClock.Ambiguity.Earlier);
        var rangeEnd = clock.ToInstant(to.AddDays(1), TimeOnly.MinValue, LocalClock.Ambiguity.Earlier);
        var therapistIds = therapists.Select(t => t.Id).ToList();
        // A therapist's visits at other locations count too: they cannot be in two places.
        var live = await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt < rangeEnd && a.EndsAt > rangeStart)
            .Where(a => a.LocationId == location.Id || therapistIds.Contains(a.TherapistId))
            .Select(a => new { a.TherapistId, a.RoomId, a.StartsAt, a.EndsAt })
            .ToListAsync(ct);
        var roomIds = location.Rooms.Select(r => r.Id).ToHashSet();
        var roomBusy = live.Where(a => roomIds.Contains(a.RoomId)).Select(a => (a.RoomId, Visit: new Interval(a.StartsAt, a.EndsAt))).ToList();
        bool RoomFree(Interval visit) => roomIds.Any(room => !roomBusy.Any(b => b.RoomId == room && b.Visit.Overlaps(visit)));

        var days = new List<OpenDay>();
        foreach (var therapist in therapists)
        {
            var busy = live.Where(a => a.TherapistId == therapist.Id).Select(a => new Interval(a.StartsAt, a.EndsAt)).ToList();
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var starts = SlotFinder.FreeVisits(therapist.WorkingIntervals(location, date), busy, duration, DateTimeOffset.MinValue, RoomFree)
                    .Select(v => clock.ToLocal(v.Start))
                    .ToArray();
                if (starts.Length > 0)
                {
                    days.Add(new OpenDay(therapist.Id, date, starts));
                }
            }
        }
        return new OpenTimes(days);
    }
}

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

/// <summary>A location and the therapists who work there, as of one schedule generation; shared read-only.</summary>
public sealed record LocationStaff(Location Location, IReadOnlyList<Therapist> Therapists, long? Generation);

/// <summary>Which open times: one location, one date range, one visit length.</summary>
public readonly record struct OpenTimesKey(Guid LocationId, DateOnly From, DateOnly To, int Minutes);

/// <summary>
/// What slot searches reuse between requests, keyed by the location's schedule generation, so every change that
/// affects them (see <see cref="ScheduleChanges"/>) makes the old entries unreachable on every replica at once:
/// the location with its therapists, and their <see cref="OpenTimes"/>. Both are kept as the newest per key in
/// this replica's memory; open times are built through Redis-backed HybridCache, so replicas share the work and
/// concurrent requests at a new generation build them once. The generation is read before the data, so an
/// entry is never older than its key.
/// </summary>
public sealed class ScheduleSnapshots(
    SchedulingDbContext db, HybridCache cache, Newest<Guid, LocationStaff> staffs, Newest<OpenTimesKey, OpenTimes> openTimes)
{
    // Only the handover between replicas and the first requests of a generation read these; "Newest" holds the rest.
    private static readonly HybridCacheEntryOptions Handover = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(1) };

    /// <summary>The location's staff as last seen, of whatever generation: which therapists' holds to read before the generation is known.</summary>
    public LocationStaff? LastSeenStaff(Guid locationId) => staffs.Latest(locationId);

    /// <summary>
    /// The location and its therapists as of <paramref name="generation"/>, read from <see cref="ScheduleChanges.GenerationAsync"/>
    /// first; without one (Redis away) read afresh and kept nowhere.
    /// </summary>
    public async Task<LocationStaff?> StaffAsync(Guid locationId, long? generation, CancellationToken ct)
    {
        if (generation is { } known && staffs.Find(locationId, known) is { } staff)
        {
            return staff;
        }
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, ct);
        if (location is null)
        {
            return null;
        }
        var therapists = await db.Therapists.AsNoTracking().Where(t => t.LocationIds.Contains(locationId)).OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        var read = new LocationStaff(location, therapists, generation);
        return generation is { } current ? staffs.Keep(locationId, current, read) : read;
    }

    public async Task<OpenTimes> OpenTimesAsync(LocationStaff staff, TimeSpan duration, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (staff.Generation is not { } generation)
        {
            return await ComputeAsync(staff.Location, staff.Therapists, duration, from, to, ct);
        }
        var key = new OpenTimesKey(staff.Location.Id, from, to, (int)duration.TotalMinutes);
        if (openTimes.Find(key, generation) is { } open)
        {
            return open;
        }
        var shared = $"scheduling:open:{key.LocationId}:{generation}:{from:yyyyMMdd}:{to:yyyyMMdd}:{key.Minutes}";
        var built = await cache.GetOrCreateAsync(shared, async token => await ComputeAsync(staff.Location, staff.Therapists, duration, from, to, token), Handover, cancellationToken: ct);
        return openTimes.Keep(key, generation, built);
    }

    private async Task<OpenTimes> ComputeAsync(Location location, IReadOnlyList<Therapist> therapists, TimeSpan duration, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var clock = location.Clock;
        var rangeStart = clock.ToInstant(from, TimeOnly.MinValue, LocalClock.Ambiguity.Earlier);
        var rangeEnd = clock.ToInstant(to.AddDays(1), TimeOnly.MinValue, LocalClock.Ambiguity.Earlier);
        var therapistIds = therapists.Select(t => t.Id).ToList();
        // A therapist's visits at other locations count too: they cannot be in two places. No visit is longer than
        // the longest type, so the lower bound on the start lets the index skip the location's whole past.
        var earliest = rangeStart - AppointmentType.LongestVisit;
        var live = await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt < rangeEnd && a.StartsAt > earliest && a.EndsAt > rangeStart)
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

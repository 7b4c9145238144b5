using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// What a batch of bookings needs from the database, read once for the whole batch: its referrals (locked), the
/// types, locations and therapists named, every appointment of those referrals, and the live appointments that
/// overlap any requested visit for its therapist or at its location.
/// </summary>
internal sealed record BatchReads(
    Dictionary<Guid, BookingReferral> Referrals,
    Dictionary<string, AppointmentType> Types,
    Dictionary<Guid, Location> Locations,
    Dictionary<Guid, Therapist> Therapists,
    Dictionary<Guid, List<Appointment>> ReferralAppointments,
    Occupancy Occupancy)
{
    public static async Task<BatchReads> LoadAsync(SchedulingDbContext db, IReadOnlyList<BookAppointment> commands, CancellationToken ct)
    {
        // Row locks in one order (the database's), so batches and single bookings never wait on each other in a circle.
        var referralIds = commands.Select(c => c.ReferralId).Distinct().ToArray();
        var referrals = await db.Referrals
            .FromSql($"SELECT *, xmin FROM referrals WHERE id = ANY({referralIds}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(r => r.Id, ct);

        var codes = commands.Select(c => c.AppointmentType).Distinct().ToArray();
        var types = await db.AppointmentTypes.Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, ct);
        var locationIds = commands.Select(c => c.LocationId).Distinct().ToArray();
        var locations = await db.Locations.Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var therapistIds = commands.Select(c => c.TherapistId).Distinct().ToArray();
        var therapists = await db.Therapists.Where(t => therapistIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);

        // Statements after the locks see what the bookings they waited for committed.
        var visits = commands
            .Where(c => types.ContainsKey(c.AppointmentType))
            .Select(c => (c.LocationId, c.TherapistId, Visit: BookingDecision.VisitOf(c, types[c.AppointmentType])))
            .ToList();
        var appointments = await db.Appointments.FromSql(AppointmentsConcerned(referralIds, visits)).ToListAsync(ct);
        var distinct = appointments.Distinct().ToList(); // tracked: a row read twice is the same instance

        return new BatchReads(referrals, types, locations, therapists,
            referralIds.ToDictionary(id => id, id => distinct.Where(a => a.ReferralId == id).ToList()),
            new Occupancy(distinct));
    }

    /// <summary>
    /// Every appointment of the referrals, and the live ones that overlap a visit for its therapist or sit near it at
    /// its location. A location (or a therapist) has one value of <c>location_id</c> (<c>therapist_id</c>), so left to
    /// itself the planner hashed every appointment it ever had (11 ms a batch at 10,000 rows, growing with the book);
    /// <c>OFFSET 0</c> keeps each visit's lookup an index scan (<c>appointments_location_time</c>, the therapist's
    /// exclusion constraint), a few dozen rows at any size.
    /// </summary>
    internal static FormattableString AppointmentsConcerned(Guid[] referralIds, IReadOnlyList<(Guid LocationId, Guid TherapistId, Interval Visit)> visits)
    {
        var starts = visits.Select(v => v.Visit.Start).ToArray();
        var ends = visits.Select(v => v.Visit.End).ToArray();
        var locations = visits.Select(v => v.LocationId).ToArray();
        var therapists = visits.Select(v => v.TherapistId).ToArray();
        return $"""
            SELECT a.*, a.xmin FROM appointments a WHERE a.referral_id = ANY({referralIds})
            UNION ALL
            SELECT a.* FROM unnest({starts}, {ends}, {therapists}) AS v(s, e, t)
            CROSS JOIN LATERAL (
                SELECT a.*, a.xmin FROM appointments a
                WHERE a.therapist_id = v.t AND a.status <> 'Cancelled'
                    AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(v.s, v.e, '[)')
                OFFSET 0) a
            UNION ALL
            SELECT a.* FROM unnest({starts}, {ends}, {locations}) AS v(s, e, l)
            CROSS JOIN LATERAL (
                SELECT a.*, a.xmin FROM appointments a
                WHERE a.location_id = v.l AND a.starts_at > v.s - {AppointmentType.LongestVisit} AND a.starts_at < v.e
                OFFSET 0) a
            WHERE a.status <> 'Cancelled' AND a.ends_at > v.s
            """;
    }
}

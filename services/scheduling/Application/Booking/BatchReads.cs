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
    Dictionary<Guid, Referral> Referrals,
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

        // Statements after the locks see what the bookings they waited for committed. A location has one value of
        // location_id, so left to itself the planner hashes every appointment the location ever had (a statement
        // that grew with the book: 11 ms at 10,000 rows); OFFSET 0 keeps each visit's lookup a range scan of
        // appointments_location_time, a few dozen rows whatever the size of the book.
        var visits = commands
            .Where(c => types.ContainsKey(c.AppointmentType))
            .Select(c => (c.LocationId, c.TherapistId, Visit: Visit(c, types[c.AppointmentType])))
            .ToList();
        var starts = visits.Select(v => v.Visit.Start).ToArray();
        var ends = visits.Select(v => v.Visit.End).ToArray();
        var visitLocations = visits.Select(v => v.LocationId).ToArray();
        var visitTherapists = visits.Select(v => v.TherapistId).ToArray();
        var appointments = await db.Appointments.FromSql($"""
            SELECT a.*, a.xmin FROM appointments a WHERE a.referral_id = ANY({referralIds})
            UNION ALL
            SELECT a.*, a.xmin FROM unnest({starts}, {ends}, {visitTherapists}) AS v(s, e, t)
            JOIN appointments a ON a.therapist_id = v.t AND a.status <> 'Cancelled'
                AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(v.s, v.e, '[)')
            UNION ALL
            SELECT a.* FROM unnest({starts}, {ends}, {visitLocations}) AS v(s, e, l)
            CROSS JOIN LATERAL (
                SELECT a.*, a.xmin FROM appointments a
                WHERE a.location_id = v.l AND a.starts_at > v.s - {AppointmentType.LongestVisit} AND a.starts_at < v.e
                OFFSET 0) a
            WHERE a.status <> 'Cancelled' AND a.ends_at > v.s
            """).ToListAsync(ct);
        var distinct = appointments.Distinct().ToList(); // tracked: a row read twice is the same instance

        return new BatchReads(referrals, types, locations, therapists,
            referralIds.ToDictionary(id => id, id => distinct.Where(a => a.ReferralId == id).ToList()),
            new Occupancy(distinct));
    }

    public static Interval Visit(BookAppointment command, AppointmentType type)
    {
        var start = command.StartsAt.ToUniversalTime();
        return new Interval(start, start + type.Duration);
    }
}

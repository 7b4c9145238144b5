using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Slots;

public sealed record SlotQuery(Guid ReferralId, IReadOnlyList<Guid> LocationIds, DateOnly From, DateOnly To, string AppointmentType, Guid? TherapistId);

/// <summary>
/// Free slots for a referral. The expensive part (working time minus live appointments and full rooms, per
/// therapist) is cached per location and schedule generation; the referral's own rules, the therapists'
/// licences and certifications, live holds and the clock are applied on every request with the same domain
/// rules booking uses, so a slot shown is a slot booking accepts.
/// </summary>
public sealed class SlotSearch(SchedulingDbContext db, LocationScope scope, ScheduleSnapshots snapshots, SlotHolds holds, TimeProvider time)
{
    // Precompiled: a search runs these on every request, and compiling skips EF Core's per-call expression work.
    private static readonly Func<SchedulingDbContext, string, CancellationToken, Task<AppointmentType?>> AppointmentType =
        EF.CompileAsyncQuery((SchedulingDbContext db, string code, CancellationToken ct) => db.AppointmentTypes.AsNoTracking().FirstOrDefault(t => t.Code == code));

    private static readonly Func<SchedulingDbContext, Guid, IAsyncEnumerable<Appointment>> AppointmentsOf =
        EF.CompileAsyncQuery((SchedulingDbContext db, Guid referralId) => db.Appointments.AsNoTracking().Where(a => a.ReferralId == referralId));

    public async Task<Outcome<SlotAnswer>> FindAsync(SlotQuery query, CancellationToken ct)
    {
        // Only a referral the caller may see; another location's looks unknown.
        var referral = await scope.FindReferralAsync(query.ReferralId, ct);
        var type = await AppointmentType(db, query.AppointmentType, ct);
        if (referral is null || type is null)
        {
            return Refusal.NotFound(referral is null ? "The referral" : "The appointment type");
        }
        var referralAppointments = await AppointmentsOf(db, referral.Id).ToListAsync(ct);
        var techniques = referral.TechniquesForCare;
        if (BookingRules.ReferralAllows(referral, referralAppointments, type.Kind, techniques) is { } refusal)
        {
            return refusal;
        }

        var found = new List<TherapistSlots>();
        foreach (var locationId in query.LocationIds.Distinct())
        {
            var staff = await snapshots.StaffAsync(locationId, ct);
            if (staff is null)
            {
                return Refusal.NotFound("The location");
            }
            var open = await snapshots.OpenTimesAsync(staff, type.Duration, query.From, query.To, ct);
            found.AddRange(await FindAtAsync(staff, open, referral, type, techniques, query.TherapistId));
        }
        return new SlotAnswer(type.Code, type.DurationMinutes, found.Sum(t => t.Starts.Count), found);
    }

    private async Task<List<TherapistSlots>> FindAtAsync(
        LocationStaff staff, OpenTimes open, Referral referral, AppointmentType type, IReadOnlyList<string> techniques, Guid? therapistId)
    {
        var location = staff.Location;
        var therapists = staff.Therapists.Where(t => therapistId is null || t.Id == therapistId).ToList();
        var held = (await holds.ActiveAsync(therapists.Select(t => t.Id))).Where(h => h.ReferralId != referral.Id).ToLookup(h => h.TherapistId);
        var days = open.Days.ToLookup(d => d.TherapistId);
        var now = time.GetUtcNow();

        return therapists
            .Select(therapist => new TherapistSlots(location.Id, location.TimeZone, therapist.Id, therapist.Name,
                BookableStarts(days[therapist.Id], therapist.MayTreatUntil(techniques, location.Id), held[therapist.Id].ToList())))
            .Where(t => t.Starts.Count > 0)
            .ToList();

        // The referral's dates and the therapist's licence and certifications are decided per day, holds per visit.
        List<DateTimeOffset> BookableStarts(IEnumerable<OpenDay> therapistDays, DateOnly? treatsUntil, List<SlotHold> therapistHolds)
        {
            var starts = new List<DateTimeOffset>();
            foreach (var day in therapistDays)
            {
                if (treatsUntil is not { } until || day.Date > until || BookingRules.DateAllowed(referral, day.Date) is not null)
                {
                    continue;
                }
                starts.AddRange(day.Starts.Where(start => start > now
                    && !therapistHolds.Exists(h => h.Visit.Overlaps(new Interval(start, start + type.Duration)))));
            }
            return starts;
        }
    }
}

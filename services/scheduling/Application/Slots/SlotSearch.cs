using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Slots;

public sealed record SlotQuery(Guid ReferralId, IReadOnlyList<Guid> LocationIds, DateOnly From, DateOnly To, string AppointmentType, Guid? TherapistId);

/// <summary>
/// Free slots for a referral. The expensive part (working time minus live appointments and full rooms, per
/// therapist) is cached per location and schedule generation; the referral's own rules, the therapists'
/// licences and certifications, live holds and the clock are applied on every request with the same domain
/// rules booking uses, so a slot shown is a slot booking accepts.
/// </summary>
public sealed class SlotSearch(SchedulingAccess scope, ScheduleChanges changes, ScheduleSnapshots snapshots, SlotHolds holds, TimeProvider time)
{
    public async Task<Outcome<SlotAnswer>> FindAsync(SlotQuery query, CancellationToken ct)
    {
        var locationIds = query.LocationIds.Distinct().ToList();
        // Redis (schedule generations, live holds) and PostgreSQL (the referral) are asked at once, so a search waits
        // for the slower of the two rather than for each in turn. Holds are read for the therapists last seen at
        // each location; if the generation shows different staff, they are read again below.
        var generations = Task.WhenAll(locationIds.Select(changes.GenerationAsync));
        var expected = locationIds.Select(snapshots.LastSeenStaff).ToList();
        var heldRead = holds.ActiveAsync(TherapistIds(expected, query.TherapistId));
        var context = await scope.FindReferralContextAsync(query.ReferralId, query.AppointmentType, ct);
        var generation = await generations;
        var held = await heldRead;
        if (context?.Type is not { } type)
        {
            return Refusal.NotFound(context is null ? "The referral" : "The appointment type");
        }
        var referral = context.Referral;
        var techniques = referral.TechniquesForCare;
        if (BookingRules.ReferralAllows(referral, context.Appointments, type.Kind, techniques) is { } refusal)
        {
            return refusal;
        }

        var staffs = new List<LocationStaff>(locationIds.Count);
        for (var i = 0; i < locationIds.Count; i++)
        {
            if (await snapshots.StaffAsync(locationIds[i], generation[i], ct) is not { } staff)
            {
                return Refusal.NotFound("The location");
            }
            staffs.Add(staff);
        }
        var therapistIds = TherapistIds(staffs, query.TherapistId);
        if (!therapistIds.All(TherapistIds(expected, query.TherapistId).Contains))
        {
            held = await holds.ActiveAsync(therapistIds);
        }
        var heldByOthers = held.Where(h => h.ReferralId != referral.Id).ToLookup(h => h.TherapistId);

        var found = new List<TherapistSlots>();
        foreach (var staff in staffs)
        {
            var open = await snapshots.OpenTimesAsync(staff, type.Duration, query.From, query.To, ct);
            found.AddRange(FindAt(staff, open, referral, type, techniques, query.TherapistId, heldByOthers));
        }
        return new SlotAnswer(type.Code, type.DurationMinutes, found.Sum(t => t.Starts.Count), found);
    }

    private static HashSet<Guid> TherapistIds(IEnumerable<LocationStaff?> staffs, Guid? therapistId) =>
        [.. staffs.SelectMany(s => s?.Therapists ?? []).Select(t => t.Id).Where(id => therapistId is null || id == therapistId)];

    private List<TherapistSlots> FindAt(
        LocationStaff staff, OpenTimes open, BookingReferral referral, AppointmentType type, IReadOnlyList<string> techniques, Guid? therapistId, ILookup<Guid, SlotHold> held)
    {
        var location = staff.Location;
        var therapists = staff.Therapists.Where(t => therapistId is null || t.Id == therapistId).ToList();
        var days = open.Days.ToLookup(d => d.TherapistId);
        var now = time.GetUtcNow();

        return therapists
            .Select(therapist => new TherapistSlots(location.Id, location.TimeZone, therapist.Id, therapist.Name,
                BookableStarts(days[therapist.Id], therapist.MayTreatUntil(techniques, location.Id), held[therapist.Id].ToList())))
            .Where(t => t.Starts.Count > 0)
            .ToList();

        // The referral's dates and the therapist's licence and certifications are decided per day; holds and the plan's
        // certification per visit (the latter by UTC date, which a late local evening does not share).
        List<DateTimeOffset> BookableStarts(IEnumerable<OpenDay> therapistDays, DateOnly? treatsUntil, List<SlotHold> therapistHolds)
        {
            var bookableDays = therapistDays
                .Where(day => treatsUntil is { } until && day.Date <= until && BookingRules.DateAllowed(referral, day.Date) is null)
                .ToList();
            var starts = new List<DateTimeOffset>(bookableDays.Sum(d => d.Starts.Count));
            foreach (var day in bookableDays)
            {
                foreach (var start in day.Starts)
                {
                    if (start > now && !Held(therapistHolds, new Interval(start, start + type.Duration))
                        && BookingRules.PlanCertifiedFor(referral, type.Kind, start) is null)
                    {
                        starts.Add(start);
                    }
                }
            }
            return starts;
        }
    }

    private static bool Held(List<SlotHold> holds, Interval visit)
    {
        foreach (var hold in holds)
        {
            if (hold.Visit.Overlaps(visit))
            {
                return true;
            }
        }
        return false;
    }
}

using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

/// <summary>Filters of <c>GET /appointments</c>: a referral's or series' visits, or a calendar (location and/or therapist, days).</summary>
public sealed record AppointmentQuery(Guid? ReferralId, Guid? SeriesId, Guid? LocationId, Guid? TherapistId, DateOnly? From, DateOnly? To);

/// <summary>
/// Appointments of the caller's locations only: a referral's or a series' visits, or the calendar of a location and/or
/// a therapist over local days (as the location's clock counts them), each with the patient's name from scheduling's
/// copy of the referral.
/// </summary>
public static class AppointmentListing
{
    public const int MaxDays = 42;

    public static async Task<Results<Ok<List<AppointmentView>>, ValidationProblem>> ListAsync(
        [AsParameters] AppointmentQuery query, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var calendar = query.ReferralId is null && query.SeriesId is null;
        if (calendar)
        {
            if (query.LocationId is null && query.TherapistId is null)
            {
                problems.Add("locationId", "Give referralId, seriesId, or a locationId and/or therapistId with from and to.");
            }

            problems.Required("from", query.From);
            problems.Required("to", query.To);
            if (query.From > query.To)
            {
                problems.Add("to", "to must not be before from.");
            }
            else if (query.To?.DayNumber - query.From?.DayNumber >= MaxDays)
            {
                problems.Add("to", $"At most {MaxDays} days at once.");
            }
        }
        if (problems.Any)
        {
            return problems.ToResult();
        }

        var appointments = scope.Appointments.AsNoTracking();
        appointments = appointments.WhereGiven(query.ReferralId, referral => a => a.ReferralId == referral);
        appointments = appointments.WhereGiven(query.SeriesId, series => a => a.SeriesId == series);
        appointments = appointments.WhereGiven(query.LocationId, location => a => a.LocationId == location);
        appointments = appointments.WhereGiven(query.TherapistId, therapist => a => a.TherapistId == therapist);

        if (calendar)
        {
            var (start, end) = LocalDays.Covering(query.From!.Value, query.To!.Value);
            appointments = appointments.Where(a => a.StartsAt >= start && a.StartsAt < end);
        }
        var found = await appointments.OrderBy(a => a.StartsAt).Take(5000).ToListAsync(ct);

        var locationIds = found.Select(a => a.LocationId).Distinct().ToList();
        var referralIds = found.Select(a => a.ReferralId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var views = found.Select(a => AppointmentView.From(a, locations[a.LocationId], referrals.GetValueOrDefault(a.ReferralId)));
        if (calendar)
        {
            views = views.Where(v => LocalDays.Within(v.LocalStartsAt, query.From!.Value, query.To!.Value));
        }
        return TypedResults.Ok(views.ToList());
    }
}

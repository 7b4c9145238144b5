using System.ComponentModel.DataAnnotations;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Figures;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public sealed record TherapistFigures(Guid TherapistId, string Name, Attendance Attendance);

public sealed record LocationFigures(Guid LocationId, string Name, DateOnly From, DateOnly To, Attendance Attendance, IReadOnlyList<TherapistFigures> Therapists);

/// <summary>Managers' figures per location and therapist: attendance and utilization (counted by <see cref="AttendanceFigures"/>).</summary>
public static class FiguresApi
{
    public const int MaxDays = 92;

    public static RouteGroupBuilder MapFiguresApi(this RouteGroupBuilder api)
    {
        api.MapGet("/figures", GetAsync).WithName("GetSchedulingFigures").WithTag("Figures", "Attendance and utilization of the caller's locations, for clinic admins and managers.").RequireAuthorization(Policies.Reporting)
            .WithSummary("Attendance and utilization per location and therapist")
            .WithDescription("For each of the caller's locations (or `locationId`) over local days `from`–`to` (at most 92): visits kept, completed, no-shows, late cancellations, cancellations, their rates, and utilization (minutes booked ÷ minutes available). Clinic admins and managers.");
        return api;
    }

    public static async Task<Results<Ok<List<LocationFigures>>, ValidationProblem>> GetAsync(
        Guid? locationId, [Required] DateOnly? from, [Required] DateOnly? to, SchedulingAccess scope, CancellationToken ct)
    {
        var problems = new FieldErrors();
        problems.Required("from", from);
        problems.Required("to", to);
        if (from > to)
        {
            problems.Add("to", "to must not be before from.");
        }
        else if (to?.DayNumber - from?.DayNumber >= MaxDays)
        {
            problems.Add("to", $"At most {MaxDays} days at once.");
        }

        if (problems.Any)
        {
            return problems.ToResult();
        }

        var locations = await scope.Locations.AsNoTracking().Where(l => locationId == null || l.Id == locationId).OrderBy(l => l.Name).ToListAsync(ct);
        var ids = locations.Select(l => l.Id).ToList();
        var therapists = await scope.Therapists.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var (start, end) = LocalDays.Covering(from!.Value, to!.Value);
        var visits = await scope.Appointments.AsNoTracking().Where(a => ids.Contains(a.LocationId) && a.StartsAt >= start && a.StartsAt < end).ToListAsync(ct);

        var answer = new List<LocationFigures>();
        foreach (var location in locations)
        {
            // Each visit counts on its location's own calendar day.
            var inRange = visits.Where(v => v.LocationId == location.Id && LocalDays.Within(location.Clock.ToLocal(v.StartsAt), from.Value, to.Value)).ToList();
            var perTherapist = therapists.Where(t => t.LocationIds.Contains(location.Id))
                .Select(t => new TherapistFigures(t.Id, t.Name, AttendanceFigures.Of(t, location, inRange, from.Value, to.Value))).ToList();
            answer.Add(new LocationFigures(location.Id, location.Name, from.Value, to.Value,
                perTherapist.Aggregate(Attendance.None, (sum, t) => sum + t.Attendance), perTherapist));
        }
        return TypedResults.Ok(answer);
    }
}

using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class TherapistsApi
{
    public static RouteGroupBuilder MapTherapistsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/therapists").WithTags("Therapists");
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", async Task<Results<Ok<TherapistView>, NotFound>> (Guid id, SchedulingDbContext db, CancellationToken ct) =>
            await db.Therapists.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(TherapistView.From(t)) : TypedResults.NotFound());
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapPut("/{id:guid}/availability", SetAvailabilityAsync);
        group.MapPost("/{id:guid}/time-off", AddTimeOffAsync);
        group.MapDelete("/{id:guid}/time-off/{timeOffId:guid}", RemoveTimeOffAsync);
        return api;
    }

    public static async Task<Results<Created<TherapistView>, ValidationProblem>> CreateAsync(
        TherapistRequest request, SchedulingDbContext db, CancellationToken ct)
    {
        var problems = new Problems();
        var profile = request.ToProfile(problems);
        await CheckLocationsAsync(profile, db, problems, ct);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var therapist = new Therapist(Guid.NewGuid(), profile);
        db.Therapists.Add(therapist);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/therapists/{therapist.Id}", TherapistView.From(therapist));
    }

    public static async Task<Results<Ok<TherapistView>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, TherapistRequest request, SchedulingDbContext db, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await db.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new Problems();
        var profile = request.ToProfile(problems);
        await CheckLocationsAsync(profile, db, problems, ct);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var before = therapist.LocationIds.ToList();
        therapist.Update(profile);
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(before.Concat(therapist.LocationIds), ct);
        return TypedResults.Ok(TherapistView.From(therapist));
    }

    public static async Task<Results<Ok<TherapistView>, NotFound, ValidationProblem>> SetAvailabilityAsync(
        Guid id, AvailabilityRequest request, SchedulingDbContext db, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await db.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new Problems();
        var windows = request.ToWindows(therapist, problems);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        therapist.SetAvailability(windows);
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(therapist.LocationIds, ct);
        return TypedResults.Ok(TherapistView.From(therapist));
    }

    public static async Task<Results<Created<TimeOff>, NotFound, ValidationProblem>> AddTimeOffAsync(
        Guid id, TimeOffRequest request, SchedulingDbContext db, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await db.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new Problems();
        var (starts, ends) = (problems.Required("startsAt", request.StartsAt), problems.Required("endsAt", request.EndsAt));
        if (starts >= ends)
        {
            problems.Add("endsAt", "endsAt must be after startsAt.");
        }
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var timeOff = therapist.AddTimeOff(starts!.Value, ends!.Value, request.Reason);
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(therapist.LocationIds, ct);
        return TypedResults.Created($"/api/scheduling/therapists/{id}/time-off/{timeOff.Id}", timeOff);
    }

    public static async Task<Results<NoContent, NotFound>> RemoveTimeOffAsync(
        Guid id, Guid timeOffId, SchedulingDbContext db, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await db.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null || !therapist.RemoveTimeOff(timeOffId))
        {
            return TypedResults.NotFound();
        }
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(therapist.LocationIds, ct);
        return TypedResults.NoContent();
    }

    private static async Task CheckLocationsAsync(TherapistProfile profile, SchedulingDbContext db, Problems problems, CancellationToken ct)
    {
        var ids = profile.LocationIds.Distinct().ToList();
        var known = await db.Locations.Where(l => ids.Contains(l.Id)).CountAsync(ct);
        if (known != ids.Count)
        {
            problems.Add("locationIds", "Every location must exist.");
        }
    }
}

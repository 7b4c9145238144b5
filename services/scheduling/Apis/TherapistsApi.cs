using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class TherapistsApi
{
    public static RouteGroupBuilder MapTherapistsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/therapists").WithTag("Therapists", "The therapists of the caller's locations: licence, certifications, weekly availability, time off, and their calendar feeds.").RequireAuthorization(Policies.ClinicStaff);
        group.MapGet("/", ListAsync).WithName("ListTherapists")
            .WithSummary("The therapists of the caller's locations")
            .WithDescription("Every therapist working at one of the caller's locations (or at `locationId`, one of them), by name, with licence, certifications, availability and time off at those locations only.");
        group.MapGet("/{id:guid}", async Task<Results<Ok<TherapistView>, NotFound>> (Guid id, SchedulingAccess scope, CancellationToken ct) =>
            await scope.Therapists.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(TherapistView.From(t, scope.Covers)) : TypedResults.NotFound()).WithName("GetTherapist")
            .WithSummary("One therapist of the caller's locations")
            .WithDescription("Shown as staff of the caller's locations see them; 404 for a therapist who works at none of them.");

        var setUp = group.MapGroup("").RequireAuthorization(Policies.ClinicAdmin);
        setUp.MapPost("/", CreateAsync).WithName("AddTherapist").WithRequestExample(SchedulingExamples.Therapist)
            .WithSummary("Add a therapist with licence and locations")
            .WithDescription("Certifications name techniques of the chain's list (loosely spelled: `Lymphatic Drainage` is `lymphatic-drainage`). Clinic admins, for their own locations. 400 for a missing or unknown field, 409 when the id is taken.");
        setUp.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTherapist").WithRequestExample(SchedulingExamples.Therapist)
            .WithSummary("Change a therapist's details, licence or locations")
            .WithDescription("Replaces the details; locations outside the admin's own are kept as they are. Clinic admins of the therapist's locations; 404 otherwise.");
        setUp.MapPut("/{id:guid}/availability", SetAvailabilityAsync).WithName("SetTherapistAvailability").WithRequestExample(SchedulingExamples.Availability)
            .WithSummary("Set a therapist's weekly working hours")
            .WithDescription("Replaces the weekly windows (location, local day, start and end) at the admin's locations. Clinic admins; 404 for a therapist not at their locations.");
        setUp.MapPost("/{id:guid}/time-off", AddTimeOffAsync).WithName("AddTimeOff").WithRequestExample(SchedulingExamples.TimeOff)
            .WithSummary("Add time off for a therapist")
            .WithDescription("From `startsAt` to `endsAt` with an optional reason; no visits are offered then. Clinic admins; 404 for a therapist not at their locations.");
        setUp.MapDelete("/{id:guid}/time-off/{timeOffId:guid}", RemoveTimeOffAsync).WithName("RemoveTimeOff")
            .WithSummary("Remove a therapist's time off")
            .WithDescription("Clinic admins; 404 for an unknown therapist or time off.");
        return api;
    }

    public static async Task<Ok<List<TherapistView>>> ListAsync(Guid? locationId, SchedulingAccess scope, CancellationToken ct)
    {
        var therapists = scope.Therapists.AsNoTracking();
        therapists = therapists.WhereGiven(locationId, location => t => t.LocationIds.Contains(location));
        var found = await therapists.OrderBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(found.Select(t => TherapistView.From(t, scope.Covers)).ToList());
    }

    public static async Task<Results<Created<TherapistView>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        TherapistRequest request, SchedulingDbContext db, SchedulingAccess scope, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var profile = request.ToProfile(problems);
        profile = profile with { LocationIds = await LocationsAsync([], profile.LocationIds, scope, problems, ct) };
        if (problems.Any)
        {
            return problems.ToResult();
        }
        if (request.Id is { } account && await db.Therapists.AnyAsync(t => t.Id == account, ct))
        {
            return AlreadySetUp();
        }
        var therapist = new Therapist(request.Id ?? Guid.NewGuid(), profile);
        db.Therapists.Add(therapist);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return AlreadySetUp(); // set up by a concurrent request
        }
        return TypedResults.Created($"/api/scheduling/therapists/{therapist.Id}", TherapistView.From(therapist, scope.Covers));
    }

    public static async Task<Results<Ok<TherapistView>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, TherapistRequest request, SchedulingDbContext db, SchedulingAccess scope, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await scope.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new FieldErrors();
        var profile = request.ToProfile(problems);
        profile = profile with { LocationIds = await LocationsAsync(therapist.LocationIds, profile.LocationIds, scope, problems, ct) };
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var before = therapist.LocationIds.ToList();
        therapist.Update(profile);
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(before.Concat(therapist.LocationIds), ct);
        return TypedResults.Ok(TherapistView.From(therapist, scope.Covers));
    }

    public static async Task<Results<Ok<TherapistView>, NotFound, ValidationProblem>> SetAvailabilityAsync(
        Guid id, AvailabilityRequest request, SchedulingDbContext db, SchedulingAccess scope, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await scope.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new FieldErrors();
        var windows = request.ToWindows(therapist, scope.Covers, problems);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        therapist.SetAvailability(windows);
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(therapist.LocationIds, ct);
        return TypedResults.Ok(TherapistView.From(therapist, scope.Covers));
    }

    public static async Task<Results<Created<TimeOff>, NotFound, ValidationProblem>> AddTimeOffAsync(
        Guid id, TimeOffRequest request, SchedulingDbContext db, SchedulingAccess scope, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await scope.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new FieldErrors();
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
        Guid id, Guid timeOffId, SchedulingDbContext db, SchedulingAccess scope, ScheduleChanges changes, CancellationToken ct)
    {
        var therapist = await scope.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null || !therapist.RemoveTimeOff(timeOffId))
        {
            return TypedResults.NotFound();
        }
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(therapist.LocationIds, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The therapist's locations after the change. An admin assigns therapists to, and takes them off, their own
    /// set-up locations only; the therapist's other locations (which they are not shown) stay as they are.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> LocationsAsync(
        IReadOnlyList<Guid> current, IReadOnlyList<Guid> requested, SchedulingAccess scope, FieldErrors problems, CancellationToken ct)
    {
        var own = requested.Where(scope.Covers).Distinct().ToList();
        var setUp = await scope.Locations.CountAsync(l => own.Contains(l.Id), ct);
        if (setUp != own.Count || requested.Any(l => !scope.Covers(l) && !current.Contains(l)))
        {
            problems.Add("locationIds", "Every location must be set up and one you work at.");
        }
        // In their present order, so an unchanged list reads the same.
        List<Guid> locations = [.. current.Where(l => !scope.Covers(l) || own.Contains(l)), .. own.Except(current)];
        if (locations.Count == 0)
        {
            problems.Add("locationIds", "A therapist works at one location at least.");
        }
        return locations;
    }

    private static Conflict<ProblemDetails> AlreadySetUp() => TypedResults.Conflict(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict, Title = "The therapist is already set up", Detail = "A therapist with this staff account exists; update it instead.",
    });
}

using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class LocationsApi
{
    public static RouteGroupBuilder MapLocationsApi(this RouteGroupBuilder api)
    {
        // Managers read where their locations are and when they open (their figures are per location); only admins set them up.
        var group = api.MapGroup("/locations").WithTag("Locations", "The clinic's locations: address, time zone, opening hours, rooms and the late-cancellation window.");
        group.MapPost("/", CreateAsync).WithName("CreateLocation").WithRequestExample(SchedulingExamples.Location).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Set up a location").WithDescription("Details, opening hours and rooms of a location the admin works at (its id comes from their account). Clinic admins.");
        group.MapGet("/", async (SchedulingAccess scope, CancellationToken ct) =>
            TypedResults.Ok((await scope.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct)).Select(LocationView.From))).WithName("ListLocations")
            .RequireAuthorization(Policies.LocationReaders)
            .WithSummary("The caller's locations").WithDescription("Every set-up location the caller works at, by name. Front desk, therapists, clinic admins and managers.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetLocation").RequireAuthorization(Policies.LocationReaders)
            .WithSummary("One of the caller's locations").WithDescription("Front desk, therapists, clinic admins and managers; 404 for a location the caller does not work at.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateLocation").WithRequestExample(SchedulingExamples.Location).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Change a location's set-up").WithDescription("Replaces the details, opening hours and rooms; a room given with its id keeps it. Clinic admins of the location.");
        return api;
    }

    /// <summary>
    /// Sets up the clinic details of a location. Location ids belong to the identity directory (tokens carry
    /// them), so the request names one and it must be a location the admin works at.
    /// </summary>
    public static async Task<Results<Created<LocationView>, ValidationProblem, ProblemHttpResult, Conflict<ProblemDetails>>> CreateAsync(
        LocationRequest request, SchedulingDbContext db, SchedulingAccess scope, IIntegrationEventOutbox outbox, CancellationToken ct)
    {
        if (request.Id is { } requested && !scope.Covers(requested))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                detail: "Only a location you work at can be set up.");
        }
        var problems = new FieldErrors();
        var id = problems.Required("id", request.Id);
        var details = request.ToDetails(problems);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        if (await db.Locations.AnyAsync(l => l.Id == id, ct))
        {
            return AlreadySetUp();
        }
        var location = new Location(id!.Value, details);
        db.Locations.Add(location);
        outbox.Add(new LocationChanged(location.Info()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return AlreadySetUp(); // set up by a concurrent request
        }
        return TypedResults.Created($"/api/scheduling/locations/{location.Id}", LocationView.From(location));
    }

    public static async Task<Results<Ok<LocationView>, NotFound>> GetAsync(Guid id, SchedulingAccess scope, CancellationToken ct) =>
        await scope.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is { } location
            ? TypedResults.Ok(LocationView.From(location))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<LocationView>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, LocationRequest request, SchedulingAccess scope, SchedulingDbContext db, IIntegrationEventOutbox outbox, ScheduleChanges changes, CancellationToken ct)
    {
        var location = await scope.Locations.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new FieldErrors();
        var details = request.ToDetails(problems);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        location.Update(details);
        outbox.Add(new LocationChanged(location.Info()));
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(id, ct);
        return TypedResults.Ok(LocationView.From(location));
    }

    private static Conflict<ProblemDetails> AlreadySetUp() => TypedResults.Conflict(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The location is already set up.",
        Detail = "Change its details with PUT instead.",
    });
}

using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// The chain's directory for hospital systems: Location, Practitioner (therapists), PractitionerRole and Schedule
/// (a therapist at their locations), read and searched. It is what a system needs to choose where and with whom to book.
/// </summary>
public static class DirectoryFhirApi
{
    public static IEndpointRouteBuilder MapDirectoryFhirApi(this IEndpointRouteBuilder app)
    {
        var locations = app.MapFhirResource("Location");
        locations.MapGet("/{id}", (string id, SchedulingDbContext db, CancellationToken ct) => ReadLocationAsync(id, db, ct))
            .WithName("FhirReadLocation").WithSummary("A location (FHIR)")
            .WithDescription("A clinic location with its address, phone and opening hours (`system/Location.read`); 404 for an unknown id.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        locations.MapGet("/", SearchLocationsAsync).WithName("FhirSearchLocation").WithSummary("Search locations (FHIR)")
            .WithDescription("Every location of the chain, by `name` (contains) and `_id`, as a paged searchset Bundle.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter Location does not support, or a malformed value.");

        MapTherapists(app, "Practitioner", DirectoryMapping.ToPractitioner, "Search therapists (FHIR)", "the therapist: name and licence");
        MapTherapists(app, "PractitionerRole", DirectoryMapping.ToRole, "Search therapists' roles at locations (FHIR)", "the therapist's role: the locations they work at and their specialties");
        MapTherapists(app, "Schedule", DirectoryMapping.ToSchedule, "Search therapists' schedules (FHIR)", "the therapist's schedule, whose free Slots are booked");
        return app;
    }

    private static async Task<FhirAnswer> ReadLocationAsync(string id, SchedulingDbContext db, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) && await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == guid, ct) is { } location
            ? FhirResult.Ok(DirectoryMapping.ToFhir(location))
            : FhirProblems.NotFound("Location", id);

    private static async Task<FhirAnswer> SearchLocationsAsync(HttpContext http, SchedulingDbContext db, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, "Location");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var name = search.Single("name");
        var id = search.Single("_id");
        var all = await db.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
        var found = all.Where(l => (name is null || l.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) && (id is null || l.Id.ToString() == id)).ToList();
        return FhirResult.Ok(search.Bundle(found, l => DirectoryMapping.ToFhir(l)));
    }

    // Practitioner, PractitionerRole and Schedule are three views of one therapist, under the therapist's id.
    private static void MapTherapists(IEndpointRouteBuilder app, string type, Func<Therapist, Resource> map, string summary, string what)
    {
        var api = app.MapFhirResource(type);
        api.MapGet("/{id}", async (string id, SchedulingDbContext db, CancellationToken ct) =>
            Guid.TryParse(id, out var guid) && await db.Therapists.AsNoTracking().FirstOrDefaultAsync(t => t.Id == guid, ct) is { } therapist
                ? (FhirAnswer)FhirResult.Ok(map(therapist))
                : FhirProblems.NotFound(type, id))
            .WithName($"FhirRead{type}").WithSummary($"One {type} (FHIR)")
            .WithDescription($"One view of a therapist, under the therapist's id: {what} (`system/{type}.read`); 404 for an unknown id.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", async (HttpContext http, SchedulingDbContext db, CancellationToken ct) =>
        {
            var search = FhirSearch.Read(http.Request, type);
            var practitioner = search.Reference("practitioner", "Practitioner");
            var location = search.Reference("location", "Location");
            var actor = search.Single("actor")?.Split('/')[^1];
            if (search.Error is { } invalid)
            {
                return (FhirAnswer)FhirProblems.Invalid(invalid);
            }
            var name = search.Single("name");
            var id = search.Single("_id");
            var all = await db.Therapists.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
            var found = all.Where(t =>
                (id is null || t.Id.ToString() == id)
                && (name is null || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                && (practitioner is null || t.Id.ToString() == practitioner)
                && (location is null || t.LocationIds.Any(l => l.ToString() == location))
                && (actor is null || t.Id.ToString() == actor || t.LocationIds.Any(l => l.ToString() == actor))).ToList();
            return FhirResult.Ok(search.Bundle(found, map));
        }).WithName($"FhirSearch{type}").WithSummary(summary)
            .WithDescription($"Every therapist as {what}, by `name` (contains), `_id`, `practitioner`, `location` and `actor` (the therapist or a location), as a paged searchset Bundle.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, $"A search parameter {type} does not support, or a malformed value.");
    }
}

using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class LocationsApi
{
    public static RouteGroupBuilder MapLocationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations").WithTags("Locations");
        group.MapPost("/", CreateAsync);
        group.MapGet("/", async (SchedulingDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct)).Select(LocationView.From)));
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        return api;
    }

    public static async Task<Results<Created<LocationView>, ValidationProblem>> CreateAsync(
        LocationRequest request, SchedulingDbContext db, CancellationToken ct)
    {
        var problems = new Problems();
        var details = request.ToDetails(problems);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var location = new Location(Guid.NewGuid(), details);
        db.Locations.Add(location);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/locations/{location.Id}", LocationView.From(location));
    }

    public static async Task<Results<Ok<LocationView>, NotFound>> GetAsync(Guid id, SchedulingDbContext db, CancellationToken ct) =>
        await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is { } location
            ? TypedResults.Ok(LocationView.From(location))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<LocationView>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, LocationRequest request, SchedulingDbContext db, ScheduleChanges changes, CancellationToken ct)
    {
        var location = await db.Locations.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
        {
            return TypedResults.NotFound();
        }
        var problems = new Problems();
        var details = request.ToDetails(problems);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        location.Update(details);
        await db.SaveChangesAsync(ct);
        await changes.ScheduleChangedAsync(id, ct);
        return TypedResults.Ok(LocationView.From(location));
    }
}

using System.ComponentModel.DataAnnotations;
using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Application.Waitlist;
using MedMassage.Scheduling.Api.Domain.Waitlist;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public sealed record WaitlistRequest([Required] Guid? ReferralId, [Required] Guid? LocationId, [Required] string? AppointmentType, Guid? TherapistId, DateTimeOffset? Before);

public static class WaitlistApi
{
    public static RouteGroupBuilder MapWaitlistApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/waitlist").WithTag("Waitlist", "Referrals waiting for a time at a location; freed times are offered to them in turn.").RequireAuthorization(Policies.FrontDesk);
        group.MapPost("/", JoinAsync).WithName("AddToWaitlist").WithRequestExample(SchedulingExamples.Waitlist)
            .WithSummary("Put a referral on the waitlist")
            .WithDescription("For a location and appointment type, optionally a therapist and a latest date (`before`). Front desk and clinic admins. 404 for an unknown referral, location or type.");
        group.MapGet("/", async (Guid? locationId, SchedulingAccess scope, CancellationToken ct) =>
                TypedResults.Ok(await scope.Waitlist.AsNoTracking()
                    .Where(w => locationId == null || w.LocationId == locationId)
                    .Where(w => w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered)
                    .OrderBy(w => w.CreatedAt).Take(500).ToListAsync(ct))).WithName("ListWaitlist")
            .WithSummary("Who is waiting, and the offers made")
            .WithDescription("Waitlist entries of the caller's locations (or `locationId`) still waiting or holding an offer, oldest first. Front desk and clinic admins.");
        group.MapGet("/{id:guid}", async Task<Results<Ok<WaitlistEntry>, NotFound>> (Guid id, SchedulingAccess scope, CancellationToken ct) =>
            await scope.Waitlist.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound()).WithName("GetWaitlistEntry")
            .WithSummary("One waitlist entry")
            .WithDescription("With its open offer, if any. Front desk and clinic admins of its location; 404 otherwise.");
        group.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptWaitlistOffer")
            .WithSummary("Accept an offered time: book it")
            .WithDescription("Books the time offered to the entry. Front desk and clinic admins. 404 for an unknown entry, 409 when there is no open offer, it has expired, or the booking is refused.");
        return api;
    }

    public static async Task<Results<Created<WaitlistEntry>, NotFound<ProblemDetails>, ValidationProblem>> JoinAsync(
        WaitlistRequest request, SchedulingDbContext db, SchedulingAccess scope, TimeProvider time, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var referralId = problems.Required("referralId", request.ReferralId);
        var locationId = problems.Required("locationId", request.LocationId);
        var type = problems.Text("appointmentType", request.AppointmentType, 50);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        if (!await scope.MayBookAsync(referralId!.Value, [locationId!.Value], ct) || !await db.Locations.AnyAsync(l => l.Id == locationId, ct)
            || !await db.AppointmentTypes.AnyAsync(t => t.Code == type, ct))
        {
            return RefusalResults.NotFound(Refusal.NotFound("The referral, location or appointment type"));
        }
        var entry = new WaitlistEntry(referralId!.Value, locationId!.Value, type, request.TherapistId, request.Before, time.GetUtcNow());
        db.Waitlist.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/waitlist/{entry.Id}", entry);
    }

    public static async Task<Results<Created<AppointmentView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> AcceptAsync(
        Guid id, WaitlistOffers offers, AppointmentBooking booking, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        if (!await scope.Waitlist.AnyAsync(w => w.Id == id, ct))
        {
            return RefusalResults.NotFound(Refusal.NotFound("The waitlist entry"));
        }
        var outcome = await offers.AcceptAsync(id, booking, ct);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.IsNotFound ? RefusalResults.NotFound(refusal) : RefusalResults.Conflict(refusal);
        }
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == outcome.Value!.LocationId, ct);
        return TypedResults.Created($"/api/scheduling/appointments/{outcome.Value!.Id}", AppointmentView.From(outcome.Value, location));
    }
}

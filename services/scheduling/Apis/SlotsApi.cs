using System.ComponentModel.DataAnnotations;
using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Application.Slots;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class SlotsApi
{
    private const int MaxDays = 31;

    public static RouteGroupBuilder MapSlotsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/slots", FindAsync).WithName("FindSlots")
            .WithTag("Slots", "Free times for a referral, and short holds on one while the patient decides.").RequireAuthorization(Policies.FrontDesk)
            .WithSummary("Free times for a referral")
            .WithDescription("Times at the given locations (`locationId`, one or more) between the local days `from` and `to` (at most 31 days) when a therapist certified for the referral's techniques and a room are free, for the appointment `type` (default: what the referral needs next), optionally of one `therapistId`. Front desk and clinic admins. 404 for an unknown referral or a location not the caller's, 409 when the referral cannot be booked now.");
        var holds = api.MapGroup("/holds").WithTags("Slots").RequireAuthorization(Policies.FrontDesk);
        holds.MapPost("/", HoldAsync).WithName("HoldSlot").WithRequestExample(SchedulingExamples.Hold)
            .WithSummary("Hold a free time for a referral for a few minutes")
            .WithDescription("No one else can book it until the hold expires (`expiresAt`) or is released; booking with the `holdId` uses it. Front desk and clinic admins. 404 for an unknown referral, therapist or type; 409 naming the rule it breaks (`rule`): the time taken or held, no free room, outside the therapist's hours or locations, the therapist's licence or certification, or the referral not bookable then (status, validity dates, visits used up, clearance awaited, evaluation first, no active or certified plan).");
        holds.MapDelete("/{id:guid}", ReleaseAsync).WithName("ReleaseHold")
            .WithSummary("Release a hold")
            .WithDescription("Front desk and clinic admins of its location; 404 otherwise.");
        return api;
    }

    public static async Task<Results<BufferedJson<SlotAnswer>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> FindAsync(
        [Required] Guid? referralId, [Required][FromQuery] Guid[]? locationId, [Required] DateOnly? from, [Required] DateOnly? to, string? type, Guid? therapistId,
        SlotSearch search, SchedulingAccess scope, CancellationToken ct)
    {
        var problems = new FieldErrors();
        problems.Required("referralId", referralId);
        problems.Required("from", from);
        problems.Required("to", to);
        var appointmentType = problems.Text("type", type, 50);
        if (locationId is not { Length: > 0 })
        {
            problems.Add("locationId", "At least one locationId is required.");
        }
        if (from > to)
        {
            problems.Add("to", "to must not be before from.");
        }
        else if (to?.DayNumber - from?.DayNumber >= MaxDays)
        {
            problems.Add("to", $"Search at most {MaxDays} days at once.");
        }
        if (problems.Any)
        {
            return problems.ToResult();
        }
        if (!locationId!.All(scope.Covers))
        {
            return RefusalResults.NotFound(SchedulingAccess.UnknownReferral);
        }
        var outcome = await search.FindAsync(new SlotQuery(referralId!.Value, locationId!, from!.Value, to!.Value, appointmentType, therapistId), ct);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.IsNotFound ? RefusalResults.NotFound(refusal) : RefusalResults.Conflict(refusal);
        }
        return new BufferedJson<SlotAnswer>(outcome.Value!);
    }

    /// <summary>
    /// Keeps a slot for a referral for a few minutes; booking with the hold's id releases it. A hold the booking would
    /// refuse is refused the same way (<see cref="HoldPlacement"/>).
    /// </summary>
    public static async Task<Results<Created<HoldView>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> HoldAsync(
        HoldRequest request, HoldPlacement placement, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var referralId = problems.Required("referralId", request.ReferralId);
        var therapistId = problems.Required("therapistId", request.TherapistId);
        var startsAt = problems.Instant("startsAt", request.StartsAt);
        var code = problems.Text("appointmentType", request.AppointmentType, 50);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var outcome = await placement.HoldAsync(new PlaceHold(referralId!.Value, therapistId!.Value, code, startsAt!.Value, request.LocationId), ct);
        if (outcome.Value is not { } hold)
        {
            return outcome.Refusal!.IsNotFound ? RefusalResults.NotFound(outcome.Refusal) : RefusalResults.Conflict(outcome.Refusal);
        }
        return TypedResults.Created($"/api/scheduling/holds/{hold.Id}",
            new HoldView(hold.Id, hold.ReferralId, hold.TherapistId, hold.StartsAt, hold.EndsAt, hold.ExpiresAt));
    }

    /// <summary>Lets a hold go before it runs out; holds on other locations' therapists are not the caller's to release.</summary>
    public static async Task<Results<NoContent, NotFound>> ReleaseAsync(Guid id, SlotHolds holds, SchedulingAccess scope, CancellationToken ct)
    {
        if (await holds.FindAsync(id) is not { } hold || !await scope.Therapists.AnyAsync(t => t.Id == hold.TherapistId, ct))
        {
            return TypedResults.NotFound();
        }
        await holds.ReleaseAsync(id);
        return TypedResults.NoContent();
    }
}

using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Application.Slots;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class SlotsApi
{
    private const int MaxDays = 31;

    public static RouteGroupBuilder MapSlotsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/slots", FindAsync).WithName("FindSlots").WithTags("Slots").RequireAuthorization(Policies.FrontDesk)
            .WithSummary("Free times for a referral");
        var holds = api.MapGroup("/holds").WithTags("Slots").RequireAuthorization(Policies.FrontDesk);
        holds.MapPost("/", HoldAsync).WithName("HoldSlot")
            .WithSummary("Hold a free time for a referral for a few minutes");
        holds.MapDelete("/{id:guid}", ReleaseAsync).WithName("ReleaseHold")
            .WithSummary("Release a hold");
        return api;
    }

    public static async Task<Results<BufferedJson<SlotAnswer>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> FindAsync(
        Guid? referralId, [FromQuery] Guid[]? locationId, DateOnly? from, DateOnly? to, string? type, Guid? therapistId,
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

using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Slots;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR Slot: free times for one referral (<c>based-on</c>), found by the same <see cref="SlotSearch"/> as the front
/// desk's, so a slot shown is a slot booking accepts. Slots are computed; their id names them (<see cref="SlotIds"/>).
/// </summary>
public static class SlotFhirApi
{
    private const string Type = "Slot";
    private const int MaxDays = 31;

    public static IEndpointRouteBuilder MapSlotFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapGet("/", SearchAsync).WithName("FhirSearchSlot").WithSummary("Free slots for a referral (FHIR)")
            .WithDescription("`based-on=ServiceRequest/{id}` (required), `start` range (at most 31 days; default the next 7), `schedule`, `service-type`, `status=free`.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "No `based-on`, more than 31 days, or a search parameter Slot does not support.")
            .Refuses(StatusCodes.Status422UnprocessableEntity, "No slots can be offered for the referral: the rule that prevents it.");
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadSlot").WithSummary("One slot (FHIR)")
            .WithDescription("`free` while nothing occupies the therapist then, `busy` after.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status404NotFound, "No slot has that id.");
        return app;
    }

    public static async Task<FhirAnswer> SearchAsync(HttpContext http, SlotSearch slots, SchedulingAccess scope, SchedulingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var referralId = search.Reference("based-on", "ServiceRequest");
        var schedule = search.Reference("schedule", "Schedule");
        var range = search.Dates("start");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        if (referralId is null)
        {
            return FhirProblems.Invalid("based-on=ServiceRequest/{id} is required: free slots depend on the referral's dates, techniques and location.");
        }
        var now = time.GetUtcNow();
        var from = range?.From is { } f && f > now ? f : now;
        var to = range?.To ?? from.AddDays(7);
        if ((to - from).TotalDays > MaxDays)
        {
            return FhirProblems.Invalid($"Search at most {MaxDays} days of slots at once.");
        }
        if (search.Single("status") is { } status && status != "free")
        {
            return FhirResult.Ok(search.Bundle(0, []));
        }

        var empty = FhirResult.Ok(search.Bundle(0, []));
        var referral = Guid.TryParse(referralId, out var rid) ? await scope.SubmittedReferrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var therapistId = FhirReferences.AsGuid(schedule);
        if (referral is null || therapistId == Guid.Empty)
        {
            return empty; // not this system's referral: it has no slots, exactly like one that does not exist
        }
        var type = search.Token("service-type")?.Code ?? (referral.EvaluationCompleted ? "treatment-60" : "evaluation");
        var locations = referral.LocationId is { } placed ? [placed]
            : therapistId is { } therapist ? await db.Therapists.Where(t => t.Id == therapist).Select(t => t.LocationIds).FirstOrDefaultAsync(ct) ?? []
            : await db.Locations.Select(l => l.Id).ToListAsync(ct);
        if (locations.Count == 0)
        {
            return empty;
        }

        // Local days around the range, then exactly the range's instants.
        var query = new SlotQuery(referral.Id, locations, DateOnly.FromDateTime(from.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(to.UtcDateTime), type, therapistId);
        var outcome = await slots.FindAsync(query, ct);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.IsNotFound ? empty : FhirProblems.Unprocessable($"No slots: {refusal.Rule}", refusal.Reason);
        }
        var answer = outcome.Value!;
        var found = answer.Therapists
            .SelectMany(t => t.Starts.Where(s => s >= from && s < to).Select(s => new SlotKey(t.TherapistId, t.LocationId, s, answer.AppointmentType)))
            .OrderBy(k => k.StartsAt).ThenBy(k => k.TherapistId).ToList();
        return FhirResult.Ok(search.Bundle(found, k => ToFhir(k, answer.DurationMinutes, free: true)));
    }

    public static async Task<FhirAnswer> ReadAsync(string id, SchedulingDbContext db, CancellationToken ct)
    {
        var types = await db.AppointmentTypes.AsNoTracking().ToListAsync(ct);
        if (SlotIds.Parse(id, types.Select(t => t.Code)) is not { } key || types.First(t => t.Code == key.TypeCode) is not { } type)
        {
            return FhirProblems.NotFound(Type, id);
        }
        var end = key.StartsAt + type.Duration;
        var busy = await db.Appointments.AnyAsync(a => a.TherapistId == key.TherapistId && a.Status != AppointmentStatus.Cancelled
            && a.StartsAt < end && a.EndsAt > key.StartsAt, ct);
        return FhirResult.Ok(ToFhir(key, type.DurationMinutes, !busy));
    }

    public static Slot ToFhir(SlotKey key, int minutes, bool free) => new()
    {
        Id = SlotIds.For(key),
        Schedule = new ResourceReference(FhirReferences.To("Schedule", key.TherapistId)),
        Status = free ? Slot.SlotStatus.Free : Slot.SlotStatus.Busy,
        Start = key.StartsAt,
        End = key.StartsAt.AddMinutes(minutes),
        ServiceType = [new CodeableConcept(FhirSystems.AppointmentType, key.TypeCode)],
        Comment = $"At Location/{key.LocationId}",
    };
}

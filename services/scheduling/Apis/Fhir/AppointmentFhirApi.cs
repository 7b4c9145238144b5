using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using FhirAppointment = Hl7.Fhir.Model.Appointment;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR Appointment: a system books a free Slot for its referral, reads and searches the visits of its referrals, and
/// cancels one by status update. Booking and cancelling go through the same queue and lifecycle as the front desk's.
/// </summary>
public static class AppointmentFhirApi
{
    private const string Type = "Appointment";

    public static IEndpointRouteBuilder MapAppointmentFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapPost("/", BookAsync).RequireFhirWrite(Type).WithName("FhirBookAppointment")
            .WithSummary("Book a slot (FHIR)").WithDescription("An Appointment with `slot` (a free Slot) and `basedOn` (the ServiceRequest); every scheduling rule applies.")
            .Produces(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, "Not an Appointment.")
            .Refuses(StatusCodes.Status409Conflict, "Not booked: the rule the booking breaks (the time taken, no free room, the therapist's hours…).")
            .Refuses(StatusCodes.Status422UnprocessableEntity, "No slot or referral named, an unknown referral, a slot of another service type, or a referral not bookable then.");
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadAppointment").WithSummary("A visit (FHIR)")
            .WithDescription("A visit of a referral this system submitted (`system/Appointment.read`), with its status; 404 for any other.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", AppointmentSearch.SearchAsync).WithName("FhirSearchAppointment").WithSummary("Search visits (FHIR)")
            .WithDescription("The visits of the referrals this system submitted.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter Appointment does not support, or a malformed value.");
        api.MapPut("/{id}", CancelAsync).RequireFhirWrite(Type).WithName("FhirCancelAppointment")
            .WithSummary("Cancel a visit (FHIR)").WithDescription("Status `cancelled`, with `cancelationReason.text`; `If-Match` is checked when sent.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "Not an Appointment, or its id is not the one in the address.")
            .Refuses(StatusCodes.Status404NotFound, "No visit this system may change has that id.")
            .Refuses(StatusCodes.Status409Conflict, "Not cancelled: the rule the cancellation breaks.")
            .Refuses(StatusCodes.Status412PreconditionFailed, "`If-Match` names a version that is not the current one: read it again.")
            .Refuses(StatusCodes.Status422UnprocessableEntity, "A change other than cancelling, or a reason longer than 1000 characters.");
        return app;
    }

    public static async Task<FhirAnswer> BookAsync(HttpContext http, BookingQueue bookings, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var (appointment, error) = await FhirJson.ReadAsync<FhirAppointment>(http.Request, ct);
        if (appointment is null)
        {
            return FhirProblems.Invalid(error!);
        }
        var types = await db.AppointmentTypes.AsNoTracking().Select(t => t.Code).ToListAsync(ct);
        var slotId = appointment.Slot.Count == 1 && FhirReferences.TryId(appointment.Slot[0].Reference, "Slot", out var s) ? s : null;
        if (slotId is null || SlotIds.Parse(slotId, types) is not { } slot)
        {
            return FhirProblems.Unprocessable("A slot is needed", "Book exactly one Slot found by Slot search (slot: [{reference: Slot/id}]).");
        }
        if (appointment.BasedOn.Count != 1 || !FhirReferences.TryGuid(appointment.BasedOn[0].Reference, "ServiceRequest", out var referralId))
        {
            return FhirProblems.Unprocessable("A referral is needed", "basedOn names the ServiceRequest the visit is for.");
        }
        if (appointment.ServiceType.SelectMany(c => c.Coding).FirstOrDefault()?.Code is { } asked && asked != slot.TypeCode)
        {
            return FhirProblems.Unprocessable("Not that slot's service type", $"The slot is for {slot.TypeCode}, not {asked}.");
        }
        // A system books only its own referrals, at the referral's location or, for one sent to none, at the slot's.
        if (!await scope.SubmittedReferrals.AnyAsync(r => r.Id == referralId, ct))
        {
            return FhirProblems.Unprocessable("The referral is not known", $"ServiceRequest/{referralId} is not known.");
        }
        var command = new BookAppointment(referralId, slot.LocationId, slot.TherapistId, slot.TypeCode, slot.StartsAt);
        var outcome = await bookings.BookAsync(command, [slot.LocationId], ct);
        if (outcome.Value is not { } booked)
        {
            var refusal = outcome.Refusal!;
            return refusal.IsNotFound
                ? FhirProblems.Unprocessable("Not bookable", refusal.Reason)
                : FhirProblems.Conflict($"Not booked: {refusal.Rule}", refusal.Reason);
        }
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, ct);
        return FhirResult.Created(http, AppointmentMapping.ToFhir(booked.Appointment, referral));
    }

    public static async Task<FhirAnswer> ReadAsync(string id, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var appointment = Guid.TryParse(id, out var guid) ? await scope.SubmittedAppointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == guid, ct) : null;
        if (appointment is null)
        {
            return FhirProblems.NotFound(Type, id);
        }
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == appointment.ReferralId, ct);
        return FhirResult.Ok(AppointmentMapping.ToFhir(appointment, referral));
    }

    public static async Task<FhirAnswer> CancelAsync(string id, HttpContext http, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var (update, error) = await FhirJson.ReadAsync<FhirAppointment>(http.Request, ct);
        if (update is null)
        {
            return FhirProblems.Invalid(error!);
        }
        if (update.Id != id)
        {
            return FhirProblems.Invalid($"The resource's id ({update.Id ?? "none"}) must be the one in the address ({id}).");
        }
        var current = Guid.TryParse(id, out var guid) ? await scope.SubmittedAppointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == guid, ct) : null;
        if (current is null)
        {
            return FhirProblems.NotFound(Type, id);
        }
        if (http.Request.IfMatchVersion() is { } version && version != AppointmentMapping.VersionOf(current))
        {
            return FhirProblems.PreconditionFailed($"If-Match names version {version}; the appointment is at {AppointmentMapping.VersionOf(current)}. Read it again.");
        }
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == current.ReferralId, ct);
        if (update.Status == AppointmentMapping.ToFhirStatus(current.Status))
        {
            return FhirResult.Ok(AppointmentMapping.ToFhir(current, referral));
        }
        if (update.Status != FhirAppointment.AppointmentStatus.Cancelled)
        {
            return FhirProblems.Unprocessable("Only cancelling", "A system changes a visit only by cancelling it (status cancelled); to move it, cancel and book another slot.");
        }
        var reason = update.CancelationReason?.Text ?? "Cancelled by the referring system";
        if (reason.Length > 1000)
        {
            return FhirProblems.Unprocessable("Reason too long", "cancelationReason.text must be at most 1000 characters.");
        }
        var outcome = await lifecycle.ChangeAsync(guid, StatusChange.Cancel, reason, ct);
        if (outcome.Refusal is { } refusal)
        {
            return FhirProblems.Conflict($"Not cancelled: {refusal.Rule}", refusal.Reason);
        }
        return FhirResult.Ok(AppointmentMapping.ToFhir(outcome.Value!, referral));
    }
}

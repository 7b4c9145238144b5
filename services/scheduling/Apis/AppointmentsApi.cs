using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class AppointmentsApi
{
    public static RouteGroupBuilder MapAppointmentsApi(this RouteGroupBuilder api)
    {
        // Reading the book and recording that a patient arrived or was seen is for all staff (therapists too);
        // booking and changing the book is the front desk's.
        var group = api.MapGroup("/appointments").WithTag("Appointments", "Visits booked for accepted referrals, at the caller's locations: booked, checked in, completed, cancelled (late or not) or no-show. Times are UTC with the location's local time beside them.").RequireAuthorization(Policies.ClinicStaff);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAppointment")
            .WithSummary("One appointment of the caller's locations")
            .WithDescription("Front desk, therapists and clinic admins of its location; 404 otherwise.");
        group.MapGet("/", AppointmentListing.ListAsync).WithName("ListAppointments")
            .WithSummary("Appointments: a referral's, a series', or a calendar")
            .WithDescription("With `referralId` or `seriesId`: those visits. Otherwise a calendar: `locationId` and/or `therapistId` with `from` and `to` (local dates of the location, both included, at most 42 days). Only the caller's locations; each visit carries the patient's name and the referral's reference.");
        group.MapPost("/{id:guid}/check-in", (Guid id, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.CheckIn, null, lifecycle, scope, db, ct)).WithName("CheckInAppointment")
            .WithSummary("Check the patient in for their visit")
            .WithDescription("Front desk, therapists and clinic admins of its location. 409 when its status does not allow it or it is too early to check in.");
        group.MapPost("/{id:guid}/complete", (Guid id, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.Complete, null, lifecycle, scope, db, ct)).WithName("CompleteAppointment")
            .WithSummary("Record the visit as completed")
            .WithDescription("Counts the visit against the referral. Front desk, therapists and clinic admins of its location. 409 before the visit has started or when its status does not allow it.");

        var desk = group.MapGroup("").RequireAuthorization(Policies.FrontDesk);
        desk.MapPost("/", BookAsync).WithName("BookAppointment").WithRequestExample(SchedulingExamples.Book)
            .WithSummary("Book a visit for an accepted referral")
            .WithDescription("At a location, with a therapist, an appointment type and a start; the room is chosen when not given, a `holdId` from a hold is honoured. Front desk and clinic admins of the location. 404 for an unknown referral, location, therapist or type; 409 naming the rule it breaks (`rule`): the time taken or held, no free room, outside the therapist's hours or locations, the therapist's licence or certification, or the referral not bookable then (status, validity dates, visits used up, clearance awaited, evaluation first, no active or certified plan).");
        desk.MapPost("/{id:guid}/reschedule", RescheduleAsync).WithName("RescheduleAppointment").WithRequestExample(SchedulingExamples.Reschedule)
            .WithSummary("Move a visit to another time")
            .WithDescription("A new start, and optionally another therapist or room; the same rules as booking. Front desk and clinic admins. 409 naming the rule it breaks (`rule`): the time taken or held, no free room, outside the therapist's hours or locations, the therapist's licence or certification, or the referral not bookable then (status, validity dates, visits used up, clearance awaited, evaluation first, no active or certified plan).");
        desk.MapPost("/{id:guid}/cancel", (Guid id, CancelRequest? request, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.Cancel, request?.Reason, lifecycle, scope, db, ct)).WithName("CancelAppointment").WithRequestExample(SchedulingExamples.Cancel)
            .WithSummary("Cancel a visit (late if within the location's window)")
            .WithDescription("With an optional `reason` (at most 1000 characters); cancelled within the location's late-cancellation window it is marked late. Front desk and clinic admins. 409 when it can no longer be cancelled.");
        desk.MapPost("/{id:guid}/no-show", (Guid id, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.NoShow, null, lifecycle, scope, db, ct)).WithName("RecordNoShow")
            .WithSummary("Record that the patient did not come")
            .WithDescription("Front desk and clinic admins. 409 before the appointment has started or when its status does not allow it.");
        return api;
    }

    public static async Task<Results<Created<AppointmentView>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> BookAsync(
        BookRequest request, BookingQueue bookings, SchedulingAccess scope, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var command = new BookAppointment(
            problems.Required("referralId", request.ReferralId) ?? default,
            problems.Required("locationId", request.LocationId) ?? default,
            problems.Required("therapistId", request.TherapistId) ?? default,
            problems.Text("appointmentType", request.AppointmentType, 50),
            problems.Instant("startsAt", request.StartsAt) ?? default,
            request.RoomId,
            request.Techniques,
            request.HoldId);
        if (request.Techniques?.Any(string.IsNullOrWhiteSpace) == true)
        {
            problems.Add("techniques", "Techniques must not be blank.");
        }
        if (problems.Any)
        {
            return problems.ToResult();
        }
        // Whether the caller may see the referral is decided on the row the booking locks.
        if (!scope.Covers(command.LocationId))
        {
            return RefusalResults.NotFound(SchedulingAccess.UnknownReferral);
        }
        var outcome = await bookings.BookAsync(command, scope.LocationIds, ct);
        if (outcome.Value is not { } booked)
        {
            return outcome.Refusal!.IsNotFound ? RefusalResults.NotFound(outcome.Refusal) : RefusalResults.Conflict(outcome.Refusal);
        }
        var view = AppointmentView.From(booked.Appointment, booked.Location);
        return TypedResults.Created($"/api/scheduling/appointments/{view.Id}", view);
    }

    public static async Task<Results<Ok<AppointmentView>, NotFound>> GetAsync(Guid id, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var appointment = await scope.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == appointment.LocationId, ct);
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == appointment.ReferralId, ct);
        return TypedResults.Ok(AppointmentView.From(appointment, location, referral));
    }

    public static async Task<Results<Ok<AppointmentView>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> RescheduleAsync(
        Guid id, RescheduleRequest request, AppointmentBooking booking, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        if (!await scope.Appointments.AnyAsync(a => a.Id == id, ct))
        {
            return RefusalResults.NotFound(Refusal.NotFound("The appointment"));
        }
        var problems = new FieldErrors();
        var startsAt = problems.Instant("startsAt", request.StartsAt);
        if (problems.Any)
        {
            return problems.ToResult();
        }
        var outcome = await booking.RescheduleAsync(id, new RescheduleAppointment(startsAt!.Value, request.TherapistId, request.RoomId), ct);
        return await ToResultAsync(outcome, db, a => TypedResults.Ok(a), ct);
    }

    private static async Task<Results<Ok<AppointmentView>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ChangeAsync(
        Guid id, StatusChange change, string? reason, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        if (!await scope.Appointments.AnyAsync(a => a.Id == id, ct))
        {
            return RefusalResults.NotFound(Refusal.NotFound("The appointment"));
        }
        if (reason?.Length > 1000)
        {
            return new FieldErrors().Add("reason", "reason must be at most 1000 characters.").ToResult();
        }
        return await ToResultAsync(await lifecycle.ChangeAsync(id, change, reason, ct), db, a => TypedResults.Ok(a), ct);
    }

    private static async Task<Results<T, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ToResultAsync<T>(
        Outcome<Appointment> outcome, SchedulingDbContext db, Func<AppointmentView, T> success, CancellationToken ct) where T : IResult
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.IsNotFound ? RefusalResults.NotFound(refusal) : RefusalResults.Conflict(refusal);
        }
        var appointment = outcome.Value!;
        // The change just loaded its location, so this is normally answered from the context without a query.
        var location = await db.Locations.FindAsync([appointment.LocationId], ct);
        return success(AppointmentView.From(appointment, location!));
    }
}

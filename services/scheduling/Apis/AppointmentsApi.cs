using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
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
        var group = api.MapGroup("/appointments").WithTags("Appointments").RequireAuthorization(Policies.ClinicStaff);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAppointment")
            .WithSummary("One appointment of the caller's locations");
        group.MapGet("/", AppointmentListing.ListAsync).WithName("ListAppointments")
            .WithSummary("Appointments: a referral's, a series', or a calendar")
            .WithDescription("With `referralId` or `seriesId`: those visits. Otherwise a calendar: `locationId` and/or `therapistId` with `from` and `to` (local dates of the location, both included, at most 42 days). Only the caller's locations; each visit carries the patient's name and the referral's reference.");
        group.MapPost("/{id:guid}/check-in", (Guid id, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.CheckIn, null, lifecycle, scope, db, ct)).WithName("CheckInAppointment")
            .WithSummary("Check the patient in for their visit");
        group.MapPost("/{id:guid}/complete", (Guid id, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.Complete, null, lifecycle, scope, db, ct)).WithName("CompleteAppointment")
            .WithSummary("Record the visit as completed");

        var desk = group.MapGroup("").RequireAuthorization(Policies.FrontDesk);
        desk.MapPost("/", BookAsync).WithName("BookAppointment")
            .WithSummary("Book a visit for an accepted referral");
        desk.MapPost("/{id:guid}/reschedule", RescheduleAsync).WithName("RescheduleAppointment")
            .WithSummary("Move a visit to another time");
        desk.MapPost("/{id:guid}/cancel", (Guid id, CancelRequest? request, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.Cancel, request?.Reason, lifecycle, scope, db, ct)).WithName("CancelAppointment")
            .WithSummary("Cancel a visit (late if within the location's window)");
        desk.MapPost("/{id:guid}/no-show", (Guid id, AppointmentLifecycle lifecycle, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, StatusChange.NoShow, null, lifecycle, scope, db, ct)).WithName("RecordNoShow")
            .WithSummary("Record that the patient did not come");
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

using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Series;
using MedMassage.Scheduling.Api.Domain.Series;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class SeriesApi
{
    public static RouteGroupBuilder MapSeriesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/series").WithTag("Recurring series", "Weekly treatment visits booked together for a referral, changed or cancelled from one visit onwards.").RequireAuthorization(Policies.FrontDesk);
        group.MapPost("/", BookAsync).WithName("BookSeries").WithRequestExample(SchedulingExamples.Series)
            .WithSummary("Book a series of treatment visits")
            .WithDescription("From `startDate` for `weeks` weeks at the weekly `times` (local day and time): each visit is booked on its own, and the answer lists each with its appointment or the rule that refused it (`succeeded`, `refused`). Front desk and clinic admins. 404 for an unknown referral, location, therapist or type.");
        group.MapPost("/{id:guid}/change", (Guid id, SeriesChangeRequest request, SeriesBooking series, SchedulingAccess visible, CancellationToken ct) =>
            ChangeAsync(id, request.FromAppointmentId, request.Scope, request.Time, request.DayOffset, cancel: false, null, series, visible, ct)).WithName("ChangeSeries").WithRequestExample(SchedulingExamples.SeriesChange)
            .WithSummary("Change the visits of a series from one onwards")
            .WithDescription("From `fromAppointmentId`, `scope` `this` or `following` (the default): a new local `time` and/or a `dayOffset`; each visit moved or refused as when booking. Front desk and clinic admins. 404 for an unknown series or appointment.");
        group.MapPost("/{id:guid}/cancel", (Guid id, SeriesCancelRequest request, SeriesBooking series, SchedulingAccess visible, CancellationToken ct) =>
            ChangeAsync(id, request.FromAppointmentId, request.Scope, null, null, cancel: true, request.Reason, series, visible, ct)).WithName("CancelSeries").WithRequestExample(SchedulingExamples.SeriesCancel)
            .WithSummary("Cancel the visits of a series from one onwards")
            .WithDescription("From `fromAppointmentId`, `scope` `this` or `following` (the default), with an optional `reason`. Front desk and clinic admins. 404 for an unknown series or appointment.");
        return api;
    }

    /// <summary>Books every occurrence it can; the answer reports each occurrence, booked or refused with its reason.</summary>
    public static async Task<Results<Created<SeriesView>, NotFound<ProblemDetails>, ValidationProblem>> BookAsync(
        SeriesRequest request, SeriesBooking series, SchedulingAccess scope, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var referralId = problems.Required("referralId", request.ReferralId);
        var locationId = problems.Required("locationId", request.LocationId);
        var therapistId = problems.Required("therapistId", request.TherapistId);
        var type = problems.Text("appointmentType", request.AppointmentType, 50);
        var startDate = problems.Required("startDate", request.StartDate);
        if (request.Weeks is not (>= 1 and <= 26))
        {
            problems.Add("weeks", "weeks must be between 1 and 26.");
        }
        if (request.Times is not { Count: > 0 and <= 7 })
        {
            problems.Add("times", "Give one to seven weekly times.");
        }
        var times = (request.Times ?? []).Select((t, i) => new WeeklyTime(problems.Day($"times[{i}].day", t.Day), problems.Time($"times[{i}].time", t.Time))).ToList();
        if (problems.Any)
        {
            return problems.ToResult();
        }
        if (!await scope.MayBookAsync(referralId!.Value, [locationId!.Value], ct))
        {
            return RefusalResults.NotFound(SchedulingAccess.UnknownReferral);
        }
        var outcome = await series.BookAsync(new BookSeries(referralId!.Value, locationId!.Value, therapistId!.Value, type,
            new SeriesPattern(startDate!.Value, request.Weeks!.Value, times)), ct);
        if (outcome.Refusal is { } refusal)
        {
            return RefusalResults.NotFound(refusal);
        }
        var (seriesId, results) = outcome.Value;
        return TypedResults.Created($"/api/scheduling/appointments?seriesId={seriesId}", SeriesView.From(seriesId, results));
    }

    private static async Task<Results<Ok<SeriesView>, NotFound<ProblemDetails>, ValidationProblem>> ChangeAsync(
        Guid id, Guid? fromAppointmentId, string? scope, string? time, int? dayOffset, bool cancel, string? reason, SeriesBooking series, SchedulingAccess visible, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var from = problems.Required("fromAppointmentId", fromAppointmentId);
        var parsedScope = scope switch
        {
            SeriesScopes.This => SeriesScope.ThisOne,
            SeriesScopes.Following or null => SeriesScope.ThisAndFollowing,
            _ => (SeriesScope?)null,
        };
        if (parsedScope is null)
        {
            problems.Add("scope", $"scope must be \"{SeriesScopes.This}\" or \"{SeriesScopes.Following}\".");
        }
        TimeOnly? newTime = time is null ? null : problems.Time("time", time);
        if (!cancel && time is null && dayOffset is null or 0)
        {
            problems.Add("time", "Give a new time, a dayOffset, or both.");
        }
        if (dayOffset is < -6 or > 6)
        {
            problems.Add("dayOffset", "dayOffset must be between -6 and 6.");
        }
        if (problems.Any)
        {
            return problems.ToResult();
        }
        // A series lives at one location: the appointment it is changed from stands for all of it.
        if (!await visible.Appointments.AnyAsync(a => a.Id == from && a.SeriesId == id, ct))
        {
            return RefusalResults.NotFound(Refusal.NotFound("The appointment in this series"));
        }
        var outcome = await series.ChangeAsync(id, new ChangeSeries(from!.Value, parsedScope!.Value, newTime, dayOffset ?? 0, cancel, reason), ct);
        return outcome.Refusal is { } refusal
            ? RefusalResults.NotFound(refusal)
            : TypedResults.Ok(SeriesView.From(id, outcome.Value!));
    }
}

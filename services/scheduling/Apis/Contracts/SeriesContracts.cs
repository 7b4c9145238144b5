using System.ComponentModel.DataAnnotations;
using MedMassage.Scheduling.Api.Application.Series;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Scheduling.Api.Apis.Contracts;

public sealed record WeeklyTimeDto([Required][OneOf(typeof(DayOfWeek))] string? Day, [Required] string? Time);

public sealed record SeriesRequest(
    [Required] Guid? ReferralId, [Required] Guid? LocationId, [Required] Guid? TherapistId, [Required] string? AppointmentType, [Required] DateOnly? StartDate,
    [Required] int? Weeks, [Required] IReadOnlyList<WeeklyTimeDto>? Times);

/// <summary>Which visits of a series a change or cancellation takes, from the one named; their names on the API for <see cref="SeriesScope"/>.</summary>
public static class SeriesScopes
{
    public const string This = "this";
    public const string Following = "following";
}

/// <summary>Scope "this" or "following"; time is the new local time, dayOffset moves the days (e.g. +1: Tuesday to Wednesday).</summary>
public sealed record SeriesChangeRequest([Required] Guid? FromAppointmentId, [OneOf(typeof(SeriesScopes))] string? Scope, string? Time, int? DayOffset);

public sealed record SeriesCancelRequest([Required] Guid? FromAppointmentId, [OneOf(typeof(SeriesScopes))] string? Scope, string? Reason);

public sealed record OccurrenceView(DateTimeOffset StartsAt, DateTimeOffset LocalStartsAt, Guid? AppointmentId, bool Succeeded, string? Rule, string? Reason)
{
    public static OccurrenceView From(OccurrenceResult r) =>
        new(r.StartsAt, r.LocalStartsAt, r.AppointmentId, r.Refusal is null, r.Refusal?.Rule, r.Refusal?.Reason);
}

public sealed record SeriesView(Guid SeriesId, int Succeeded, int Refused, IReadOnlyList<OccurrenceView> Occurrences)
{
    public static SeriesView From(Guid seriesId, IReadOnlyList<OccurrenceResult> results) =>
        new(seriesId, results.Count(r => r.Refusal is null), results.Count(r => r.Refusal is not null), [.. results.Select(OccurrenceView.From)]);
}

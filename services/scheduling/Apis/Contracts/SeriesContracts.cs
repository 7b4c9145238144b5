using MedMassage.Scheduling.Api.Application.Series;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Scheduling.Api.Apis.Contracts;

public sealed record WeeklyTimeDto([OneOf(typeof(DayOfWeek))] string? Day, string? Time);

public sealed record SeriesRequest(
    Guid? ReferralId, Guid? LocationId, Guid? TherapistId, string? AppointmentType, DateOnly? StartDate, int? Weeks, IReadOnlyList<WeeklyTimeDto>? Times);

/// <summary>Scope "this" or "following"; time is the new local time, dayOffset moves the days (e.g. +1: Tuesday to Wednesday).</summary>
public sealed record SeriesChangeRequest(Guid? FromAppointmentId, string? Scope, string? Time, int? DayOffset);

public sealed record SeriesCancelRequest(Guid? FromAppointmentId, string? Scope, string? Reason);

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

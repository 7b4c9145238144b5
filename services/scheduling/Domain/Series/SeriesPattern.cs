using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Series;

/// <summary>A weekly wall-clock time of a recurring series ("Tuesday 09:00").</summary>
public sealed record WeeklyTime(DayOfWeek Day, TimeOnly Time);

/// <summary>
/// A plan's rhythm (e.g. Tuesday and Thursday 09:00 for six weeks) turned into individual visits. Each occurrence
/// is computed from its own local date, so 09:00 stays 09:00 local across a daylight-saving change; a time that
/// does not exist that day moves to when the clocks jump, and a repeated time takes its first occurrence.
/// </summary>
public sealed record SeriesPattern(DateOnly FirstWeekStarting, int Weeks, IReadOnlyList<WeeklyTime> Times)
{
    public IReadOnlyList<DateTimeOffset> Occurrences(LocalClock clock) =>
    [
        .. Enumerable.Range(0, Weeks * 7)
            .Select(FirstWeekStarting.AddDays)
            .SelectMany(date => Times.Where(t => t.Day == date.DayOfWeek).OrderBy(t => t.Time)
                .Select(t => clock.ToInstant(date, t.Time, LocalClock.Ambiguity.Earlier))),
    ];
}

using System.Globalization;

namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>When an appointment's reminders are due: each offset before the start, skipping those already past.</summary>
public static class ReminderSchedule
{
    public sealed record Reminder(TimeSpan Before, DateTimeOffset DueAt)
    {
        /// <summary>Stable per offset, so one event's reminders are told apart ("1440m", "120m").</summary>
        public string Key => ((int)Before.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
    }

    public static IReadOnlyList<Reminder> For(DateTimeOffset startsAt, IEnumerable<TimeSpan> offsets, DateTimeOffset now) =>
        [.. offsets
            .Where(o => o > TimeSpan.Zero)
            .Distinct()
            .Select(o => new Reminder(o, startsAt - o))
            .Where(r => r.DueAt > now)
            .OrderBy(r => r.DueAt)];
}

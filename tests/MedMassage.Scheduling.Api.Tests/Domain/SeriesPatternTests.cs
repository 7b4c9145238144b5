using MedMassage.Scheduling.Api.Domain.Series;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Tests.Domain;

public sealed class SeriesPatternTests
{
    [Fact]
    public void Twice_a_week_for_two_weeks_across_the_fall_change_keeps_09_00_local()
    {
        var clock = LocalClock.For("America/New_York");
        var pattern = new SeriesPattern(new DateOnly(2026, 10, 26), 2, [new(DayOfWeek.Thursday, new TimeOnly(9, 0)), new(DayOfWeek.Tuesday, new TimeOnly(9, 0))]);

        var occurrences = pattern.Occurrences(clock).Select(clock.ToLocal).ToList();

        Assert.Equal(["2026-10-27 09:00 -04:00", "2026-10-29 09:00 -04:00", "2026-11-03 09:00 -05:00", "2026-11-05 09:00 -05:00"],
            occurrences.Select(o => o.ToString("yyyy-MM-dd HH:mm zzz", null)));
    }

    [Fact]
    public void An_occurrence_at_a_nonexistent_local_time_moves_to_when_the_clocks_jump()
    {
        var clock = LocalClock.For("Europe/Berlin");
        var pattern = new SeriesPattern(new DateOnly(2026, 3, 22), 2, [new(DayOfWeek.Sunday, new TimeOnly(2, 30))]);

        var occurrences = pattern.Occurrences(clock).Select(clock.ToLocal).ToList();

        Assert.Equal(["2026-03-22 02:30 +01:00", "2026-03-29 03:00 +02:00"], occurrences.Select(o => o.ToString("yyyy-MM-dd HH:mm zzz", null)));
    }
}

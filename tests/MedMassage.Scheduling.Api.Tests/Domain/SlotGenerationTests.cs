using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Tests.Domain;

public sealed class SlotGenerationTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    // America/New_York springs forward on Sunday 2026-03-08 and falls back on Sunday 2026-11-01.
    [InlineData("America/New_York", "2026-03-05", "2026-03-11")]
    [InlineData("America/New_York", "2026-10-29", "2026-11-04")]
    // Europe/Berlin springs forward on Sunday 2026-03-29 and falls back on Sunday 2026-10-25.
    [InlineData("Europe/Berlin", "2026-03-26", "2026-04-01")]
    [InlineData("Europe/Berlin", "2026-10-22", "2026-10-28")]
    public void Weekly_hours_stay_09_to_17_local_through_a_daylight_saving_week(string zone, string from, string to)
    {
        var location = Given.Location(zone);
        var therapist = Given.Therapist(location, days: Enum.GetValues<DayOfWeek>());
        var offsets = new HashSet<TimeSpan>();

        for (var date = DateOnly.Parse(from, null); date <= DateOnly.Parse(to, null); date = date.AddDays(1))
        {
            var window = Assert.Single(therapist.WorkingIntervals(location, date));
            var localStart = location.Clock.ToLocal(window.Start);
            var localEnd = location.Clock.ToLocal(window.End);
            Assert.Equal((date, new TimeOnly(9, 0)), (DateOnly.FromDateTime(localStart.DateTime), TimeOnly.FromDateTime(localStart.DateTime)));
            Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(localEnd.DateTime));
            Assert.Equal(TimeSpan.FromHours(8), window.Length);

            var slots = SlotFinder.FreeVisits([window], [], Hour, DateTimeOffset.MinValue).ToList();
            Assert.Equal(29, slots.Count); // 09:00, 09:15 … 16:00
            Assert.All(slots, s => Assert.Equal(0, location.Clock.ToLocal(s.Start).Minute % 15));
            Assert.Equal(new TimeOnly(16, 0), TimeOnly.FromDateTime(location.Clock.ToLocal(slots[^1].Start).DateTime));
            offsets.Add(localStart.Offset);
        }

        Assert.Equal(2, offsets.Count); // the week really crossed a change, yet local hours did not move
    }

    [Fact]
    public void New_York_09_00_is_14_00_utc_before_the_spring_change_and_13_00_utc_after()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location);

        var friday = therapist.WorkingIntervals(location, new DateOnly(2026, 3, 6)).Single();
        var monday = therapist.WorkingIntervals(location, new DateOnly(2026, 3, 9)).Single();

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero), friday.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), monday.Start);
    }

    [Fact]
    public void A_window_over_the_spring_gap_is_one_hour_shorter_and_offers_no_nonexistent_times()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location, starts: new TimeOnly(1, 0), ends: new TimeOnly(4, 0), days: [DayOfWeek.Sunday]);

        var window = therapist.WorkingIntervals(location, new DateOnly(2026, 3, 8)).Single();
        var slots = SlotFinder.FreeVisits([window], [], TimeSpan.FromMinutes(30), DateTimeOffset.MinValue).ToList();

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero), window.Start); // 01:00 EST
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.Zero), window.End);   // 04:00 EDT
        Assert.DoesNotContain(slots, s => location.Clock.ToLocal(s.Start).Hour == 2);
        Assert.Equal(["01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30"], slots.Select(s => location.Clock.ToLocal(s.Start).ToString("HH:mm", null)));
    }

    [Fact]
    public void A_window_starting_at_a_nonexistent_time_starts_when_the_clocks_jump()
    {
        var clock = LocalClock.For("America/New_York");

        var start = clock.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), LocalClock.Ambiguity.Earlier);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), start); // 03:00 EDT
    }

    [Fact]
    public void The_repeated_fall_back_hour_is_offered_twice_as_two_distinct_instants()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location, starts: new TimeOnly(1, 0), ends: new TimeOnly(3, 0), days: [DayOfWeek.Sunday]);

        var window = therapist.WorkingIntervals(location, new DateOnly(2026, 11, 1)).Single();
        var slots = SlotFinder.FreeVisits([window], [], TimeSpan.FromMinutes(30), DateTimeOffset.MinValue)
            .Select(s => location.Clock.ToLocal(s.Start)).ToList();

        Assert.Equal(TimeSpan.FromHours(3), window.Length); // 01:00 EDT to 03:00 EST
        var half = slots.Where(s => s.Hour == 1 && s.Minute == 30).ToList();
        Assert.Equal([TimeSpan.FromHours(-4), TimeSpan.FromHours(-5)], half.Select(s => s.Offset));
    }

    [Fact]
    public void Ambiguous_local_times_resolve_to_the_first_or_second_occurrence_as_asked()
    {
        var clock = LocalClock.For("Europe/Berlin");
        var date = new DateOnly(2026, 10, 25);

        var earlier = clock.ToInstant(date, new TimeOnly(2, 30), LocalClock.Ambiguity.Earlier);
        var later = clock.ToInstant(date, new TimeOnly(2, 30), LocalClock.Ambiguity.Later);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), earlier);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), later);
    }

    [Fact]
    public void Booked_time_time_off_and_closed_hours_are_not_offered()
    {
        var location = Given.Location(opens: new TimeOnly(10, 0), closes: new TimeOnly(16, 0));
        var therapist = Given.Therapist(location);
        var date = new DateOnly(2026, 6, 3);
        therapist.AddTimeOff(new DateTimeOffset(2026, 6, 3, 12, 0, 0, TimeSpan.FromHours(-4)), new DateTimeOffset(2026, 6, 3, 13, 0, 0, TimeSpan.FromHours(-4)), "lunch meeting");
        var booked = new Interval(new DateTimeOffset(2026, 6, 3, 10, 0, 0, TimeSpan.FromHours(-4)), new DateTimeOffset(2026, 6, 3, 11, 0, 0, TimeSpan.FromHours(-4)));

        var starts = SlotFinder.FreeVisits(therapist.WorkingIntervals(location, date), [booked], Hour, DateTimeOffset.MinValue)
            .Select(s => location.Clock.ToLocal(s.Start).ToString("HH:mm", null)).ToList();

        Assert.Equal(["11:00", "13:00", "13:15", "13:30", "13:45", "14:00", "14:15", "14:30", "14:45", "15:00"], starts);
    }

    [Fact]
    public void Slots_that_start_before_now_are_not_offered()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location);
        var window = therapist.WorkingIntervals(location, new DateOnly(2026, 6, 3)).Single();

        var slots = SlotFinder.FreeVisits([window], [], Hour, window.Start + TimeSpan.FromMinutes(400)).ToList();

        Assert.All(slots, s => Assert.True(s.Start > window.Start + TimeSpan.FromMinutes(400)));
        Assert.Equal(window.Start + TimeSpan.FromMinutes(405), slots[0].Start);
    }
}

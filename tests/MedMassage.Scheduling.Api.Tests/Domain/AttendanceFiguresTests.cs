using MedMassage.Scheduling.Api.Domain.Figures;

namespace MedMassage.Scheduling.Api.Tests.Domain;

public sealed class AttendanceFiguresTests
{
    [Fact]
    public void Available_minutes_are_the_weekly_windows_of_each_local_day_less_overlapping_time_off()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location); // weekdays 09:00–17:00 New York
        // Monday 1 June 2026 to Sunday 7 June: five working days of 480 minutes.
        Assert.Equal(5 * 480, AttendanceFigures.AvailableMinutes(therapist, location, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7)));

        // Tuesday afternoon off (13:00–17:00 New York = 17:00–21:00 UTC), and a day off on Saturday that costs nothing.
        therapist.AddTimeOff(new DateTimeOffset(2026, 6, 2, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 2, 21, 0, 0, TimeSpan.Zero), "dentist");
        therapist.AddTimeOff(new DateTimeOffset(2026, 6, 6, 0, 0, 0, TimeSpan.FromHours(-4)), new DateTimeOffset(2026, 6, 7, 0, 0, 0, TimeSpan.FromHours(-4)), null);
        Assert.Equal(5 * 480 - 240, AttendanceFigures.AvailableMinutes(therapist, location, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7)));
    }

    [Fact]
    public void Rates_count_no_shows_among_visits_kept_late_cancellations_among_all_and_utilization_in_minutes()
    {
        var attendance = new Attendance(Booked: 8, Completed: 6, NoShows: 2, LateCancellations: 1, Cancellations: 2, BookedMinutes: 360, AvailableMinutes: 480);
        Assert.Equal(0.25m, attendance.NoShowRate);
        Assert.Equal(0.1m, attendance.LateCancelRate);
        Assert.Equal(0.75m, attendance.Utilization);
        Assert.Equal(0m, Attendance.None.Utilization); // nothing available: no division by zero
        Assert.Equal(16, (attendance + attendance).Booked);
    }
}

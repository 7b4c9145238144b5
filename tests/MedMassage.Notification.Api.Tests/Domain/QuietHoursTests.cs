using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;

namespace MedMassage.Notification.Api.Tests.Domain;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Boston = Zones.Find("America/New_York");
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    [Theory]
    [InlineData("2026-07-01T01:30:00Z", true)]   // 21:30 EDT
    [InlineData("2026-07-01T11:59:00Z", true)]   // 07:59 EDT
    [InlineData("2026-07-01T12:00:00Z", false)]  // 08:00 EDT
    [InlineData("2026-07-01T00:59:00Z", false)]  // 20:59 EDT
    public void A_window_spanning_midnight_covers_late_evening_and_early_morning(string instant, bool quiet) =>
        Assert.Equal(quiet, Night.Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), Boston));

    [Fact]
    public void Late_evening_quiet_hours_end_the_next_morning_local_time()
    {
        var lateEvening = new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero); // 22:00 EDT on 30 June
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), Night.EndAfter(lateEvening, Boston));
    }

    [Fact]
    public void Early_morning_quiet_hours_end_the_same_morning()
    {
        var early = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero); // 05:00 EDT
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), Night.EndAfter(early, Boston));
    }

    [Fact]
    public void The_end_stays_on_the_wall_clock_across_the_change_to_daylight_saving_time()
    {
        // The night of 7–8 March 2026 loses an hour; 08:00 local is 12:00 UTC afterwards (EDT), not 13:00.
        var saturdayNight = new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero); // 22:00 EST on the 7th
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), Night.EndAfter(saturdayNight, Boston));
    }

    [Fact]
    public void An_end_inside_the_skipped_hour_moves_to_just_after_it()
    {
        var window = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));
        var inside = new DateTimeOffset(2026, 3, 8, 6, 30, 0, TimeSpan.Zero); // 01:30 EST
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), window.EndAfter(inside, Boston)); // 03:00 EDT
    }

    [Fact]
    public void Quiet_hours_cannot_start_and_end_at_the_same_time() =>
        Assert.Throws<ArgumentException>(() => new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0)));
}

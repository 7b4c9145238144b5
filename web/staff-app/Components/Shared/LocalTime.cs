using System.Globalization;

namespace MedMassage.StaffApp.Components.Shared;

/// <summary>Times are shown in the location's own time zone (IANA names, as the scheduling service keeps them).</summary>
public static class LocalTime
{
    public static DateTimeOffset At(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant;

    public static string Format(DateTimeOffset instant, string timeZone) =>
        At(instant, timeZone).ToString("ddd d MMM HH:mm", CultureInfo.CurrentCulture);
}

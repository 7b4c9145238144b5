namespace MedMassage.Referral.Api.Domain;

/// <summary>
/// A referral's dates (valid until, authorization running out) are days on its location's calendar. Where the zone is
/// not known yet, UTC is used; the next sweep after the location is known judges again.
/// </summary>
public static class LocationCalendar
{
    public static DateOnly Today(string? timeZone, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(timeZone)).DateTime);

    private static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>A location as scheduling announced it: only what referral dates need, its time zone.</summary>
public sealed class KnownLocation
{
    private KnownLocation() { }

    public Guid Id { get; private set; }
    public string TimeZone { get; private set; } = "UTC";
    public DateTimeOffset ChangedAt { get; private set; }

    public static KnownLocation For(Guid id) => new() { Id = id, ChangedAt = DateTimeOffset.MinValue };

    /// <summary>Takes a change newer than the one held; an older one arriving late changes nothing.</summary>
    public void Apply(string timeZone, DateTimeOffset changedAt)
    {
        if (changedAt > ChangedAt)
        {
            (TimeZone, ChangedAt) = (timeZone, changedAt);
        }
    }
}

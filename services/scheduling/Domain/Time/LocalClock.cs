namespace MedMassage.Scheduling.Api.Domain.Time;

/// <summary>
/// Turns wall-clock times at a location into instants. Clinic hours are wall-clock rules ("09:00–17:00"), so
/// they are converted per date and keep their local meaning across daylight-saving changes. The two
/// problem cases are decided here, once:
/// a local time that does not exist (the spring-forward gap) becomes the instant the clocks jump, so a window
/// starting or ending inside the gap begins or ends when the gap ends; a local time that occurs twice (the
/// fall-back hour) is resolved by <see cref="Ambiguity"/>: a window's start takes the first occurrence and its
/// end the second, so the window covers the whole repeated hour.
/// </summary>
public sealed class LocalClock(TimeZoneInfo zone)
{
    public enum Ambiguity { Earlier, Later }

    public TimeZoneInfo Zone { get; } = zone;

    public static LocalClock For(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public static bool IsKnownZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || !timeZoneId.Contains('/', StringComparison.Ordinal) && timeZoneId != "UTC")
        {
            return false; // IANA ids only ("Europe/Berlin"), not abbreviations or Windows names
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);
    }

    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time, Ambiguity ambiguity)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return EndOfGap(local); // nonexistent: the clocks jumped over it
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            // A larger offset means an earlier instant (01:30 at -04:00 comes before 01:30 at -05:00).
            var offset = ambiguity == Ambiguity.Earlier ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant shown to people at this location, with its offset, so repeated hours stay distinct.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The first instant whose local time is after the gap containing <paramref name="local"/>.</summary>
    private DateTimeOffset EndOfGap(DateTime local)
    {
        var probe = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(1);
        }
        return new DateTimeOffset(probe, Zone.GetUtcOffset(probe)).ToUniversalTime();
    }
}

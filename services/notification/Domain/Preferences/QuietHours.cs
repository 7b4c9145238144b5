using System.Globalization;

namespace MedMassage.Notification.Api.Domain.Preferences;

/// <summary>
/// A daily window of local wall-clock time when a patient is not to be disturbed; it may span midnight
/// (21:00–08:00). Evaluated in the location's zone so daylight-saving changes keep it on the wall clock.
/// </summary>
public sealed record QuietHours
{
    public QuietHours(TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            throw new ArgumentException("Quiet hours must start and end at different times.", nameof(end));
        }
        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }
    public TimeOnly End { get; }

    private bool SpansMidnight => Start > End;

    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return SpansMidnight ? local >= Start || local < End : local >= Start && local < End;
    }

    /// <summary>When the quiet window containing <paramref name="instant"/> ends.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var endDate = DateOnly.FromDateTime(local);
        if (SpansMidnight && TimeOnly.FromDateTime(local) >= Start)
        {
            endDate = endDate.AddDays(1);
        }
        return Messages.Zones.AtLocal(endDate.ToDateTime(End), zone);
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

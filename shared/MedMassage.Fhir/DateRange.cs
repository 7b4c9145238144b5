using System.Globalization;

namespace MedMassage.Fhir;

/// <summary>A date search value as the instants it covers: <c>[From, To)</c>, either end open.</summary>
public sealed record DateRange(DateTimeOffset? From, DateTimeOffset? To)
{
    private static readonly string[] Prefixes = ["eq", "ge", "gt", "le", "lt"];

    public bool Contains(DateTimeOffset instant) => (From is null || instant >= From) && (To is null || instant < To);

    public DateRange Intersect(DateRange other) => new(
        From is null ? other.From : other.From is null ? From : From > other.From ? From : other.From,
        To is null ? other.To : other.To is null ? To : To < other.To ? To : other.To);

    /// <summary>A value's precision is its extent: <c>2027-01</c> is all of January (UTC); <c>gt2027-01</c> starts in February.</summary>
    public static bool TryParse(string value, out DateRange range)
    {
        range = new DateRange(null, null);
        var prefix = value.Length > 2 && Prefixes.Contains(value[..2]) ? value[..2] : "eq";
        var text = value.Length > 2 && Prefixes.Contains(value[..2]) ? value[2..] : value;
        if (!TryExtent(text, out var start, out var end))
        {
            return false;
        }
        range = prefix switch
        {
            "ge" => new DateRange(start, null),
            "gt" => new DateRange(end, null),
            "le" => new DateRange(null, end),
            "lt" => new DateRange(null, start),
            _ => new DateRange(start, end),
        };
        return true;
    }

    private static bool TryExtent(string text, out DateTimeOffset start, out DateTimeOffset end)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var culture = CultureInfo.InvariantCulture;
        end = default;
        if (DateTimeOffset.TryParseExact(text, "yyyy", culture, styles, out start))
        {
            end = start.AddYears(1);
        }
        else if (DateTimeOffset.TryParseExact(text, "yyyy-MM", culture, styles, out start))
        {
            end = start.AddMonths(1);
        }
        else if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", culture, styles, out start))
        {
            end = start.AddDays(1);
        }
        else if (text.Contains('T') && DateTimeOffset.TryParse(text, culture, styles, out start))
        {
            end = start.AddSeconds(1);
        }
        else
        {
            return false;
        }
        return true;
    }
}

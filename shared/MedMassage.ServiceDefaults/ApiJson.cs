using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedMassage.ServiceDefaults;

/// <summary>
/// How every service's API writes enums: kebab-case lower ("checked-in", "no-show", "in-app"), as the referral
/// statuses and FHIR codes read, one casing whatever the service. Reading also takes the member names ("CheckedIn")
/// that clients sent before; numbers are refused (a bare 2 says nothing and would silently change meaning).
/// </summary>
public static class ApiJson
{
    private static readonly JsonNamingPolicy Names = JsonNamingPolicy.KebabCaseLower;

    public static JsonStringEnumConverter EnumConverter() => new(Names, allowIntegerValues: false);

    /// <summary>The options a client of our APIs reads and writes with (tests, the staff app, load tests).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { EnumConverter() } };

    /// <summary>The value as the API writes it.</summary>
    public static string WireName<TEnum>(this TEnum value) where TEnum : struct, Enum => Names.ConvertName(value.ToString());

    /// <summary>Every value as the API writes it, for 400 answers that list what is allowed.</summary>
    public static IEnumerable<string> WireNames<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(WireName);

    /// <summary>Parses a wire name or a member name, case-insensitively; never a number.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(text?.Trim(), candidate.WireName(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}

using System.Globalization;
using System.Net;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>Small helpers for the server-rendered pages: every value shown goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

    public static string U(string value) => Uri.EscapeDataString(value);

    public static string Join<T>(IEnumerable<T> items, Func<T, string> render) => string.Concat(items.Select(render));

    public static string Ms(TimeSpan duration) => Ms(duration.TotalMilliseconds);

    public static string Ms(double? milliseconds) => milliseconds switch
    {
        null => "–",
        < 1 => milliseconds.Value.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 1000 => milliseconds.Value.ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        _ => (milliseconds.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
    };

    public static string Num(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Uptime(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is null)
        {
            return "–";
        }
        var span = now - since.Value;
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
            : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds}s"
            : $"{span.Seconds}s";
    }

    /// <summary>A stable colour per service, so one service looks the same on every page.</summary>
    public static string ServiceColor(string service)
    {
        var hash = 17;
        foreach (var c in service)
        {
            hash = unchecked((hash * 31) + c);
        }
        return $"hsl({Math.Abs(hash % 360)} 60% 45%)";
    }

    public static string ServiceTag(string service) =>
        $"<span class=\"svc\" style=\"--svc:{ServiceColor(service)}\">{E(service)}</span>";

    public static string Options(IEnumerable<string> values, string? selected, string allLabel) =>
        $"<option value=\"\">{E(allLabel)}</option>" +
        Join(values, v => $"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>");
}

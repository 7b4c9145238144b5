using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Addresses that are their own credential (a calendar feed's key, a physician link's token) must not be copied into
/// traces, where anyone with the dashboard would read them: the secret part is replaced before a span is exported.
/// </summary>
public static partial class SecretUrls
{
    public const string Mask = "[secret]";

    private static readonly string[] UrlTags = ["url.path", "url.full", "url.query", "http.target", "http.url"];

    // calendar-feeds/{therapist}/{key}.ics and links/{kind}/{token}
    [GeneratedRegex(@"(/calendar-feeds/[^/?#]+/)[^/?#]+?(\.ics)|(/links/[^/?#]+/)[^/?#]+")]
    private static partial Regex Secret();

    public static string Redact(string value) =>
        Secret().Replace(value, m => m.Groups[1].Success ? $"{m.Groups[1].Value}{Mask}{m.Groups[2].Value}" : $"{m.Groups[3].Value}{Mask}");

    /// <summary>Rewrites the span's URL tags and name where they carry a secret.</summary>
    public static void RedactTags(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && Redact(value) is var redacted && redacted != value)
            {
                activity.SetTag(tag, redacted);
            }
        }
        activity.DisplayName = Redact(activity.DisplayName);
    }
}

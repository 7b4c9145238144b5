using System.Text.RegularExpressions;

namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>
/// Delivery errors quote addresses (an SMTP server's "550 &lt;maria@example.org&gt;: unknown user", a gateway's phone
/// number). They go to logs and to the delivery log that operations read, so addresses and numbers are masked first.
/// </summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // Seven digits or more, with the separators numbers are written with.
    [GeneratedRegex(@"\+?\d[\d ()./\-]{5,}\d")]
    private static partial Regex Phone();

    public static string Mask(string? text) =>
        text is null ? "" : Phone().Replace(Email().Replace(text, "[email]"), m => m.Value.Count(char.IsAsciiDigit) >= 7 ? "[phone]" : m.Value);
}

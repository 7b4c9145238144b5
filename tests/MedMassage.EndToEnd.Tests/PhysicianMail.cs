using System.Text;
using System.Text.RegularExpressions;
using MedMassage.Testing;
using MimeKit;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The referring physician's inbox on the development SMTP server, and the links in its messages.</summary>
internal static partial class PhysicianMail
{
    /// <summary>Waits for the message to <paramref name="address"/> whose subject starts so, and returns the link in it.</summary>
    public static async Task<string> LinkAsync(this SuiteFixture suite, string address, string subjectStart)
    {
        var mail = await Eventually.WaitAsync(() => Task.FromResult(Messages(suite, address)
                .FirstOrDefault(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)),
            m => m is not null, TimeSpan.FromSeconds(60), $"mail \"{subjectStart}\" to {address}");
        var link = Link().Match(mail!.TextBody ?? "");
        Assert.True(link.Success, $"no link in \"{mail.Subject}\": {mail.TextBody}");
        return new Uri(link.Value).PathAndQuery;
    }

    private static IEnumerable<MimeMessage> Messages(SuiteFixture suite, string address) =>
        suite.Mailbox()
            .Select(raw => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw))))
            .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"https?://\S+/api/\S+/links/\S+")]
    private static partial Regex Link();
}

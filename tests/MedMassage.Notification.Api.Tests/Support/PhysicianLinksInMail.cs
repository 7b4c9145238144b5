using System.Text.RegularExpressions;
using MedMassage.ServiceDefaults.PhysicianLinks;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Notification.Api.Tests.Support;

internal static partial class PhysicianLinksInMail
{
    /// <summary>The physician link in a message body, read back as the receiving service would read it.</summary>
    public static PhysicianLink LinkIn(this NotificationService service, string body, string purpose)
    {
        var url = LinkPattern().Match(body);
        Assert.True(url.Success, $"no link to {PhysicianLinkPurposes.PathOf(purpose)} in: {body}");
        var reading = service.Services.GetRequiredService<PhysicianLinks>().Read(purpose, url.Groups["token"].Value);
        Assert.NotNull(reading.Link);
        Assert.Contains(PhysicianLinkPurposes.PathOf(purpose) + "/", url.Value, StringComparison.Ordinal);
        return reading.Link;
    }

    [GeneratedRegex(@"https?://\S+/api/\S+/links/\S+/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}

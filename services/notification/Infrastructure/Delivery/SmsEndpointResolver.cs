using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>The configured provider endpoint, or, with the development sink on, this service's own sink.</summary>
internal sealed class SmsEndpointResolver(IOptions<NotificationOptions> options, IServer server)
{
    public const string SinkPath = "/api/notifications/dev/sms";

    public Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SmsEndpoint))
        {
            return new Uri(options.Value.SmsEndpoint);
        }
        var own = options.Value.SmsSinkEnabled
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : null;
        return own is null
            ? throw new InvalidOperationException("No SMS provider endpoint is configured (Notifications:SmsEndpoint).")
            : new Uri(new Uri(own.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), SinkPath);
    }
}

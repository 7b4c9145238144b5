using MedMassage.Notification.Api.Infrastructure;
using MedMassage.Notification.Api.Infrastructure.Delivery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Tests.Domain;

public sealed class SmsEndpointTests
{
    [Fact]
    public void A_configured_provider_endpoint_wins() =>
        Assert.Equal(new Uri("https://sms.example.test/send"),
            Resolver(new NotificationOptions { SmsEndpoint = "https://sms.example.test/send", SmsSinkEnabled = true }).Resolve());

    [Fact]
    public void In_development_without_a_provider_SMS_go_to_the_services_own_sink() =>
        Assert.Equal(new Uri("http://127.0.0.1:5123/api/notifications/dev/sms"),
            Resolver(new NotificationOptions { SmsSinkEnabled = true }).Resolve());

    [Fact]
    public void Without_a_provider_or_the_sink_sending_SMS_fails_loudly() =>
        Assert.Throws<InvalidOperationException>(() => Resolver(new NotificationOptions()).Resolve());

    private static SmsEndpointResolver Resolver(NotificationOptions options) => new(Options.Create(options), new ListeningOn("http://0.0.0.0:5123"));

    private sealed class ListeningOn : IServer
    {
        public ListeningOn(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}

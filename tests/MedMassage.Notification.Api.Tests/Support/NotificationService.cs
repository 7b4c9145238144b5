using MedMassage.Notification.Api.Infrastructure.Delivery;
using MedMassage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Notification.Api.Tests.Support;

/// <summary>
/// The notification service on the real servers, polling fast, with its SMS going to its own development sink and,
/// when given one, a fake clock.
/// </summary>
public sealed class NotificationService : ServiceFactory<Program>
{
    private HttpMessageInvoker? _ownServer;

    public NotificationService(InfrastructureFixture infrastructure, FakeTimeProvider? clock = null, string? databaseConnectionString = null)
        : base(infrastructure, "notificationdb", "notification-api")
    {
        Clock = clock;
        Settings["Notifications:PollInterval"] = "00:00:00.200";
        Settings["Notifications:SmsSinkEnabled"] = "true";
        Settings["Notifications:SmsEndpoint"] = "http://localhost/api/notifications/dev/sms";
        if (databaseConnectionString is not null)
        {
            Settings["ConnectionStrings:notificationdb"] = databaseConnectionString;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The sink is an endpoint of this same in-process server, reachable once it has started.
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(SmsSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => new ToOwnServer(this)));
    }

    /// <summary>
    /// Starts the host and waits until it is ready (schema applied, bus connected). The client acts as a clinic admin
    /// of the downtown location and of <paramref name="alsoAt"/>, who sees whole messages of those locations.
    /// </summary>
    public async Task<HttpClient> StartAsync(params Guid[] alsoAt)
    {
        DefaultCaller = TestCaller.ClinicAdmin([Events.Downtown.LocationId, .. alsoAt]);
        var client = CreateClient();
        _ownServer = new HttpMessageInvoker(Server.CreateHandler());
        await WaitUntilReadyAsync();
        return client;
    }

    private sealed class ToOwnServer(NotificationService owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner._ownServer?.SendAsync(request, cancellationToken) ?? throw new HttpRequestException("The service has not started yet.");
    }
}

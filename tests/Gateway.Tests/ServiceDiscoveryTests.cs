using System.Net;
using MedMassage.Testing;

namespace Gateway.Tests;

/// <summary>The gateway finds services through Aspire's service-discovery configuration, replicas included.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ServiceDiscoveryTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_service_given_two_addresses_is_reached_at_both()
    {
        await using var replica = await EchoService.StartAsync();
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 6);
        gateway.Settings["services:scheduling-api:http:1"] = replica.Address;
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var marker = Guid.NewGuid().ToString("N");

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/scheduling/slots?probe={marker}")).StatusCode);
        }

        var first = fixture.Upstream.Received.Count(r => r.Path.Contains(marker, StringComparison.Ordinal));
        var second = replica.Received.Count(r => r.Path.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(20, first + second);
        Assert.True(first > 0 && second > 0, $"first replica {first}, second {second}");
    }

    [Fact]
    public async Task A_service_this_deployment_does_not_have_is_not_routed()
    {
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 6);
        gateway.Settings["services:notification-api:http:0"] = null;
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));

        var response = await client.GetAsync("/api/notifications/messages");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

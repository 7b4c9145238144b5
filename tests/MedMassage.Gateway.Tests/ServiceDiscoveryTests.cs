using System.Net;
using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

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
    public async Task A_replica_that_refuses_connections_costs_no_request()
    {
        // A replica whose process is gone: its port refuses connections. Nothing reached it, so even POSTs go elsewhere.
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 6);
        gateway.Settings["services:scheduling-api:http:1"] = $"http://127.0.0.1:{MedMassage.Hosting.FreePort.Next()}";
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var marker = Guid.NewGuid().ToString("N");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsync($"/api/scheduling/appointments?probe={marker}", new StringContent($"{{\"n\":{i}}}"));
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var received = fixture.Upstream.Received.Where(r => r.Path.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, received.Count);
    }

    [Fact]
    public async Task When_every_replica_refuses_the_caller_gets_a_bad_gateway_answer_not_a_hang()
    {
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 6);
        gateway.Settings["services:scheduling-api:http:0"] = $"http://127.0.0.1:{MedMassage.Hosting.FreePort.Next()}";
        gateway.Settings["services:scheduling-api:http:1"] = $"http://127.0.0.1:{MedMassage.Hosting.FreePort.Next()}";
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));

        using var response = await client.GetAsync("/api/scheduling/slots");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
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

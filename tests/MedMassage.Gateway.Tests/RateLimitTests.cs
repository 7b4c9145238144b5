using System.Net;
using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

/// <summary>Rate limits per client and per IP, counted in Redis so gateway replicas share them.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    private GatewayFactory Gateway(int database, int perClient = 5, int perIp = 1000, string window = "00:00:05")
    {
        var gateway = new GatewayFactory(fixture, database);
        gateway.Settings["Gateway:PerClient:PermitLimit"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture);
        gateway.Settings["Gateway:PerClient:Window"] = window;
        gateway.Settings["Gateway:PerIp:PermitLimit"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        gateway.Settings["Gateway:PerIp:Window"] = window;
        return gateway;
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_and_recovers_in_the_next_window()
    {
        await using var gateway = Gateway(database: 7);
        var client = gateway.CreateClientAs(TestCaller.Integration("his-" + Guid.NewGuid().ToString("N")[..8], "system/ServiceRequest.read"));
        await WaitForFreshWindow();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/api/referrals")).StatusCode);
        }
        var limited = await client.GetAsync("/api/referrals");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        await Task.Delay(retryAfter.Value + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/referrals")).StatusCode);
    }

    [Fact]
    public async Task One_clients_limit_does_not_hold_back_another_client()
    {
        await using var gateway = Gateway(database: 8);
        var greedy = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var other = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        await WaitForFreshWindow();

        for (var i = 0; i < 6; i++)
        {
            await greedy.GetAsync("/api/referrals");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await greedy.GetAsync("/api/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/referrals")).StatusCode);
    }

    [Fact]
    public async Task People_signed_in_through_the_same_staff_app_each_have_their_own_allowance_not_the_apps_address()
    {
        await using var gateway = Gateway(database: 9, perIp: 3);
        var busy = gateway.CreateClientAs(new TestCaller("front-desk", [Guid.NewGuid()], "Busy Desk", ClientId: "staff-web") { Subject = "busy" });
        var quiet = gateway.CreateClientAs(new TestCaller("front-desk", [Guid.NewGuid()], "Quiet Desk", ClientId: "staff-web") { Subject = "quiet" });
        await WaitForFreshWindow();

        for (var i = 0; i < 6; i++)
        {
            await busy.GetAsync("/api/referrals");
        }

        // The busy person is held back; the other, same app, same address (beyond the per-IP limit of 3), is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.GetAsync("/api/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/api/referrals")).StatusCode);
    }

    [Fact]
    public async Task Two_gateway_replicas_share_one_clients_allowance()
    {
        await using var first = Gateway(database: 9);
        await using var second = Gateway(database: 9);
        var caller = TestCaller.Therapist(Guid.NewGuid());
        var viaFirst = first.CreateClientAs(caller);
        var viaSecond = second.CreateClientAs(caller);
        await WaitForFreshWindow();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await viaFirst.GetAsync("/api/clinical-notes/visit-notes")).StatusCode);
            statuses.Add((await viaSecond.GetAsync("/api/clinical-notes/visit-notes")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Requests_without_a_token_are_limited_per_IP_address()
    {
        await using var gateway = Gateway(database: 10, perClient: 1000, perIp: 4);
        var anonymous = gateway.CreateClient();
        await WaitForFreshWindow();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await anonymous.GetAsync("/api/referrals")).StatusCode);
        }

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>Windows are aligned to the clock; start a burst early in one so it cannot straddle two.</summary>
    private static async Task WaitForFreshWindow()
    {
        var intoWindow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 5000;
        await Task.Delay(TimeSpan.FromMilliseconds(5000 - intoWindow + 20));
    }
}

using System.Net;
using MedMassage.Gateway.Routing;
using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

/// <summary>
/// 1,500 anonymous /health calls once made 1,500 rounds of downstream checks and showed failing checks' error text.
/// Now the public answer is the status alone, one round of checks serves every caller for a moment, and the details
/// are behind an operations token.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class HealthExposureTests(GatewayFixture fixture) : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new(fixture, redisDatabase: 6);

    [Fact]
    public async Task A_flood_of_anonymous_health_calls_makes_one_round_of_downstream_checks_and_shows_only_the_status()
    {
        var client = _gateway.CreateClient();
        await client.GetAsync("/health"); // the first round, so the flood below meets a fresh report
        var before = fixture.Upstream.Received.Count(r => r.Path == "/health");

        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => client.GetAsync("/health")));

        var rounds = (fixture.Upstream.Received.Count(r => r.Path == "/health") - before) / (double)DownstreamService.All.Count;
        Assert.True(rounds <= 1, $"{rounds} rounds of downstream checks for 300 calls");
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(bodies, b => Assert.Matches("^\\{\"status\":\"(Healthy|Degraded|Unhealthy)\"\\}$", b));
    }

    [Fact]
    public async Task Which_check_failed_and_why_is_shown_to_operations_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.CreateClient().GetAsync("/health/details")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid())).GetAsync("/health/details")).StatusCode);

        var details = await _gateway.CreateClientAs(TestCaller.Ops()).GetAsync("/health/details");

        Assert.Contains("\"checks\"", await details.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();
}

using System.Net;
using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

/// <summary>The gateway refuses requests without a valid token before any service sees them.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenValidationTests(GatewayFixture fixture) : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new(fixture, redisDatabase: 1);
    private static readonly TestCaller FrontDesk = TestCaller.FrontDesk(Guid.NewGuid());

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401_problem_details_and_never_forwarded()
    {
        var marker = $"/api/referrals/{Guid.NewGuid()}";
        var response = await _gateway.CreateClient().GetAsync(marker);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.Path == marker);
    }

    [Theory]
    [MemberData(nameof(BadTokens.Kinds), MemberType = typeof(BadTokens))]
    public async Task An_invalid_token_is_refused_with_401_and_never_forwarded(string kind)
    {
        var marker = $"/api/clinical-notes/{Guid.NewGuid()}";
        using var client = BadTokens.For(kind, FrontDesk) is { } token ? _gateway.CreateClientWithToken(token) : _gateway.CreateClient();
        var response = await client.PostAsync(marker, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.Path == marker);
    }

    [Fact]
    public async Task A_valid_token_reaches_the_service_which_receives_the_token_itself()
    {
        var marker = $"/api/scheduling/slots?probe={Guid.NewGuid()}";
        var token = TestTokens.For(FrontDesk);
        var response = await _gateway.CreateClientWithToken(token).GetAsync(marker);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.WwwAuthenticate}");
        var received = Assert.Single(fixture.Upstream.Received, r => r.Path == marker);
        Assert.Equal($"Bearer {token}", received.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/connect/token")]
    [InlineData("/openapi/referral-api.json")]
    [InlineData("/api/scheduling/calendar-feeds/3f2c/secret.ics")]
    public async Task The_issuer_API_descriptions_and_calendar_feeds_are_reachable_without_a_token(string path)
    {
        var response = await _gateway.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_rest_of_the_scheduling_API_still_needs_a_token()
    {
        var response = await _gateway.CreateClient().GetAsync("/api/scheduling/calendar-feeds-admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_the_API_reference_page_need_no_token()
    {
        var client = _gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();
}

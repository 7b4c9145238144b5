using System.Net;
using System.Text;
using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

/// <summary>Security headers, CORS for the staff web app, and request size limits.</summary>
[Collection(GatewayCollection.Name)]
public sealed class EdgeProtectionTests(GatewayFixture fixture) : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new(fixture, redisDatabase: 4);

    [Fact]
    public async Task API_responses_carry_security_headers_even_when_refused()
    {
        var ok = await _gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid())).GetAsync("/api/referrals");
        var refused = await _gateway.CreateClient().GetAsync("/api/referrals");

        foreach (var response in new[] { ok, refused })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.False(response.Headers.Contains("Server"));
        }
        Assert.True(ok.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_staff_web_app_may_call_the_API_from_its_origin_and_preflights_need_no_token()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/scheduling/appointments");
        preflight.Headers.Add("Origin", GatewayFactory.StaffOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,if-match");

        var response = await _gateway.CreateClient().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(GatewayFactory.StaffOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_permission()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/scheduling/appointments");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
        simple.Headers.Add("Origin", "https://evil.example");
        var client = _gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));

        var preflightResponse = await client.SendAsync(preflight);
        var simpleResponse = await client.SendAsync(simple);

        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(simpleResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_any_service_sees_it()
    {
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 5);
        gateway.Settings["Gateway:MaxRequestBodyBytes"] = "1024";
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var marker = $"/api/referrals?probe={Guid.NewGuid()}";

        var response = await client.PostAsync(marker, new StringContent(new string('x', 4096), Encoding.UTF8, "application/json"));
        var small = await client.PostAsync(marker, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Single(fixture.Upstream.Received, r => r.Path == marker); // only the small one
    }

    [Fact]
    public async Task A_chunked_body_that_grows_over_the_limit_is_cut_off_with_a_4xx()
    {
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 6);
        gateway.Settings["Gateway:MaxRequestBodyBytes"] = "1024";
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var content = new StreamContent(new MemoryStream(new byte[64 * 1024]));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.BodyBytes > 1024);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();
}

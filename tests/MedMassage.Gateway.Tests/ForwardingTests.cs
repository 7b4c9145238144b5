using System.Net;
using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

/// <summary>What the gateway adds to, and removes from, requests on their way to a service.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ForwardingTests(GatewayFixture fixture) : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new(fixture, redisDatabase: 2);

    [Fact]
    public async Task Forged_identity_headers_never_reach_a_service()
    {
        var client = _gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var marker = $"/api/referrals?probe={Guid.NewGuid()}";
        using var request = new HttpRequestMessage(HttpMethod.Get, marker);
        request.Headers.Add("X-User-Role", "clinic-admin");
        request.Headers.Add("X-User-Id", "admin");
        request.Headers.Add("X-Location-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Forwarded-User", "admin");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", "e30=");
        request.Headers.Add("X-Forwarded-For", "203.0.113.66");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(fixture.Upstream.Received, r => r.Path == marker);
        Assert.DoesNotContain(received.Headers.Keys, h => h.StartsWith("X-User", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("X-Location-Id", received.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Forwarded-User", received.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-MS-CLIENT-PRINCIPAL", received.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        // The gateway states the client address itself; a caller cannot plant one.
        Assert.DoesNotContain("203.0.113.66", received.Headers.GetValueOrDefault("X-Forwarded-For") ?? "");
    }

    [Theory]
    [InlineData("10.1.2.3", true)]     // the ingress controller's pod network, named as trusted
    [InlineData("192.0.2.5", false)]   // anyone else
    [InlineData("127.0.0.1", false)]   // loopback: anyone on the machine
    public async Task Behind_an_ingress_the_client_address_and_scheme_are_believed_only_from_its_networks(string from, bool believed)
    {
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 5) { RemoteAddress = System.Net.IPAddress.Parse(from) };
        gateway.Settings["ForwardedHeaders:TrustedNetworks:0"] = "10.0.0.0/8";
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        var marker = $"/api/referrals?probe={Guid.NewGuid()}";
        using var request = new HttpRequestMessage(HttpMethod.Get, marker);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var received = Assert.Single(fixture.Upstream.Received, r => r.Path == marker);
        Assert.Equal(believed, (received.Headers.GetValueOrDefault("X-Forwarded-For") ?? "").Contains("203.0.113.7", StringComparison.Ordinal));
        Assert.Equal(believed ? "https" : "http", received.Headers.GetValueOrDefault("X-Forwarded-Proto"));
    }

    [Fact]
    public async Task The_staff_app_is_reached_without_a_token_under_the_public_host_and_has_no_API_description()
    {
        var client = _gateway.CreateClient();
        var marker = $"/staff/calendar?probe={Guid.NewGuid()}";
        using var request = new HttpRequestMessage(HttpMethod.Get, marker);
        request.Headers.Host = "clinic.example";

        var response = await client.SendAsync(request);

        // The app signs people in itself (its cookie); it builds its sign-in callback from the public host.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(fixture.Upstream.Received, r => r.Path == marker);
        Assert.Equal("clinic.example", received.Headers["Host"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/staff-app.json")).StatusCode);
    }

    [Fact]
    public async Task Every_response_and_forwarded_request_carries_a_correlation_id_and_the_trace_context()
    {
        var client = _gateway.CreateClientAs(TestCaller.Therapist(Guid.NewGuid()));
        var marker = $"/api/clinical-notes/visit-notes?probe={Guid.NewGuid()}";

        var response = await client.GetAsync(marker);

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        var received = Assert.Single(fixture.Upstream.Received, r => r.Path == marker);
        Assert.Equal(id, received.Headers["X-Correlation-Id"]);
        Assert.Contains(id, received.Headers["traceparent"]);
    }

    [Fact]
    public async Task A_callers_own_correlation_id_is_kept_and_a_malformed_one_replaced()
    {
        var client = _gateway.CreateClient();
        using var own = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
        own.Headers.Add("X-Correlation-Id", "his-ticket-4711");
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
        bad.Headers.Add("X-Correlation-Id", "<script>alert(1)</script>");

        var kept = await client.SendAsync(own);
        var replaced = await client.SendAsync(bad);

        Assert.Equal(HttpStatusCode.Unauthorized, kept.StatusCode); // refusals carry it too
        Assert.Equal("his-ticket-4711", Assert.Single(kept.Headers.GetValues("X-Correlation-Id")));
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(replaced.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_gives_504_problem_details()
    {
        await using var gateway = new GatewayFactory(fixture, redisDatabase: 3);
        gateway.Settings["Gateway:UpstreamTimeout"] = "00:00:01";
        var client = gateway.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));

        var response = await client.GetAsync("/api/scheduling/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/connect/..%2F..%2Fapi/referrals")]
    [InlineData("/.well-known/%2e%2e/%2e%2e/api/referrals")]
    [InlineData("/openapi/referral-api.json/../../api/referrals")]
    [InlineData("/account/..%2f..%2fapi%2freferrals")]
    public async Task Path_traversal_from_an_open_route_never_reaches_a_protected_API_without_a_token(string path)
    {
        var response = await _gateway.CreateClient().GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
            $"{path}: {response.StatusCode} {string.Join(' ', fixture.Upstream.Received.Select(r => r.Path))}");
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.Path.Contains("api/referrals", StringComparison.OrdinalIgnoreCase)
            && !r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task The_former_clinical_notes_prefix_reaches_the_service_under_its_current_one()
    {
        var probe = Guid.NewGuid();
        var therapist = _gateway.CreateClientAs(TestCaller.Therapist(Guid.NewGuid()));

        var signedIn = await therapist.GetAsync($"/api/notes/visit-notes/unsigned?probe={probe}");
        var link = await _gateway.CreateClient().GetAsync($"/api/notes/links/{probe}");
        var withoutToken = await _gateway.CreateClient().GetAsync($"/api/notes/visit-notes/unsigned?probe={probe}-anonymous");

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(fixture.Upstream.Received, r => r.Path == $"/api/clinical-notes/visit-notes/unsigned?probe={probe}");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode); // links from e-mails already sent need no token, as before
        Assert.Contains(fixture.Upstream.Received, r => r.Path == $"/api/clinical-notes/links/{probe}");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.Path.Contains($"{probe}-anonymous", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();
}

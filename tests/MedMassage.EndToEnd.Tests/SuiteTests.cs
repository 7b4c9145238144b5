using System.Net;
using System.Text.Json;

namespace MedMassage.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class SuiteTests(SuiteFixture suite)
{
    private static readonly string[] Services = ["referral-api", "scheduling-api", "clinical-notes-api", "notification-api", "identity-api"];

    [Fact]
    public async Task The_gateway_reports_every_service_healthy()
    {
        using var response = await suite.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var checks = health.RootElement.GetProperty("checks");
        foreach (var service in Services)
        {
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Every_service_publishes_its_api_description_through_the_gateway()
    {
        foreach (var service in Services)
        {
            using var response = await suite.Gateway.GetAsync($"/openapi/{service}.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        }

        using var reference = await suite.Gateway.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Each_service_gets_the_configuration_an_Aspire_AppHost_injects()
    {
        // The AppHost prints its resources; every service must have been given its own database, the broker and Redis.
        var output = suite.AppHost.Output;
        foreach (var database in new[] { "referraldb", "schedulingdb", "clinicalnotesdb", "notificationdb", "identitydb" })
        {
            Assert.Contains($"Database={database}", output, StringComparison.Ordinal);
        }
        Assert.Contains("amqp://guest:****@127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Equal(10, suite.AppHost.ResourcePids.Count); // 4 servers, 5 services and the gateway, each a live process
    }

    [Fact]
    public async Task A_physician_office_system_gets_a_token_from_the_issuer_behind_the_gateway()
    {
        using var smart = JsonDocument.Parse(await suite.Gateway.GetStringAsync("/.well-known/smart-configuration"));
        var tokenEndpoint = smart.RootElement.GetProperty("token_endpoint").GetString();
        Assert.Equal(new Uri(suite.AppHost.GatewayUrl, "/connect/token").ToString(), tokenEndpoint);

        using var token = await suite.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "physician-office-dev",
            ["client_secret"] = "dev-office-secret",
            ["scope"] = "system/ServiceRequest.write",
        }));

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("access_token").GetString()));
    }
}

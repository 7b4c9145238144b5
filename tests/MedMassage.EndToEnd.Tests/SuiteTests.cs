using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using MedMassage.Testing;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal("{\"status\":\"Healthy\"}", await response.Content.ReadAsStringAsync());

        // Each service's entry is for operations (a clinic admin here).
        using var admin = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        using var details = await admin.GetAsync("/health/details");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        using var health = JsonDocument.Parse(await details.Content.ReadAsStringAsync());
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
    public async Task Each_service_gets_the_configuration_the_AppHost_injects()
    {
        var databases = new Dictionary<string, string>
        {
            ["identity-api"] = "identitydb", ["referral-api"] = "referraldb", ["scheduling-api"] = "schedulingdb",
            ["clinical-notes-api"] = "clinicalnotesdb", ["notification-api"] = "notificationdb",
        };
        var model = suite.Suite.App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var (service, database) in databases)
        {
            var project = model.Resources.OfType<ProjectResource>().Single(r => r.Name == service);
#pragma warning disable CS0618 // the simplest way to read what a resource is given; its replacement is meant for publishers
            var environment = await project.GetEnvironmentVariableValuesAsync();
#pragma warning restore CS0618

            Assert.Contains($"Database={database}", environment[$"ConnectionStrings__{database}"], StringComparison.Ordinal);
            if (service != "identity-api")
            {
                Assert.StartsWith("http://", environment["services__identity-api__http__0"], StringComparison.Ordinal);
                Assert.StartsWith("amqp://guest:guest@127.0.0.1:", environment["ConnectionStrings__eventbus"], StringComparison.Ordinal);
                Assert.StartsWith("127.0.0.1:", environment["ConnectionStrings__redis"], StringComparison.Ordinal);
            }
            // Each service is a live process of its own.
            Assert.True(suite.Suite.ProcessIdOf(service) is { } pid && ProcessTree.IsAlive(pid), $"{service} has no live process");
        }
    }

    [Fact]
    public async Task A_physician_office_system_gets_a_token_from_the_issuer_behind_the_gateway()
    {
        using var smart = JsonDocument.Parse(await suite.Gateway.GetStringAsync("/.well-known/smart-configuration"));
        var tokenEndpoint = smart.RootElement.GetProperty("token_endpoint").GetString();
        Assert.Equal(new Uri(suite.GatewayUrl, "/connect/token").ToString(), tokenEndpoint);

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

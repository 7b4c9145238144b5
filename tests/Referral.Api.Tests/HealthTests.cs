using System.Net;
using MedMassage.Testing;

namespace Referral.Api.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_service_is_ready_when_its_database_broker_and_cache_answer()
    {
        await using var service = new ServiceFactory<Program>(infrastructure, "referraldb", "referral-api");
        using var client = service.CreateClient();

        var response = await Eventually.WaitAsync(() => client.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK, what: "/health 200");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"referraldb\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"masstransit-bus\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }
}

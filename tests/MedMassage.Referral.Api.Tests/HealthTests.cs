using System.Net;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_service_is_ready_when_its_database_broker_and_cache_answer()
    {
        await using var service = new ReferralService(infrastructure);
        using var client = service.CreateClient();

        var response = await Eventually.WaitAsync(() => client.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK, what: "/health 200");

        // Anyone reads the status alone; which check says what is for operations.
        Assert.Equal("{\"status\":\"Healthy\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/health/details")).StatusCode);
        using var ops = service.CreateClientAs(TestCaller.Ops());
        var body = await ops.GetStringAsync("/health/details");
        Assert.Contains("\"referraldb\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"masstransit-bus\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }
}

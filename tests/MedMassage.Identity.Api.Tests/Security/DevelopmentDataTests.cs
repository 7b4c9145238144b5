using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Hosting;

namespace MedMassage.Identity.Api.Tests.Security;

/// <summary>
/// The development users' passwords and the office client's secret are in the README. A Production start used to
/// accept a database holding them; now it refuses, naming them, and starts on a clean database.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DevelopmentDataTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_production_start_refuses_a_database_with_the_development_accounts_and_accepts_a_clean_one()
    {
        await using var development = new IdentityService(infrastructure);
        using (development.CreateClient())
        {
            // started in Development: the seed's users and clients are in its database
        }

        await using var seeded = new IdentityService(infrastructure);
        seeded.Settings["ConnectionStrings:identitydb"] = development.DatabaseConnectionString;
        await using var refused = seeded.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var error = Assert.ThrowsAny<Exception>(() => refused.CreateClient());
        Assert.Contains("physician-office-dev", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("admin", error.ToString(), StringComparison.Ordinal);

        await using var clean = new IdentityService(infrastructure);
        await using var production = clean.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();
        Assert.True((await client.GetAsync("/.well-known/openid-configuration")).IsSuccessStatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Tests.Administration;

/// <summary>A clinic admin registers a hospital's system with its public keys, and revokes it when the integration ends.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class IntegrationClientsTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    [Fact]
    public async Task A_registered_system_gets_tokens_by_signed_assertion_until_it_is_revoked()
    {
        var service = await shared.GetAsync(infrastructure);
        using var admin = await StaffAccountsTests.AdminAsync(service);
        var clientId = $"hospital-{Guid.NewGuid():N}"[..20];
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = "k1" });
        var jwks = new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS384", kid = jwk.Kid, e = jwk.E, n = jwk.N } } };

        await StaffAccountsTests.Read(await admin.PostAsJsonAsync("/api/identity/clients",
            new { clientId, displayName = "St. Mary HIS", jwks, scopes = new[] { "system/ServiceRequest.write" } }), HttpStatusCode.Created);
        using var client = service.CreateClient();
        var granted = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(ClientAssertions.Create(key, clientId), "system/ServiceRequest.write"));
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        var listed = await StaffAccountsTests.Read(await admin.GetAsync("/api/identity/clients"), HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId && c.GetProperty("registeredHere").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/identity/clients/{clientId}/revoke", null)).StatusCode);
        var refused = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(ClientAssertions.Create(key, clientId), "system/ServiceRequest.write"));
        Assert.NotEqual(HttpStatusCode.OK, refused.Status);
        // A seeded client is not this API's to revoke.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/identity/clients/{IdentityService.AssertionClientId}/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task Private_keys_and_unknown_scopes_are_refused_naming_what_is_allowed()
    {
        var service = await shared.GetAsync(infrastructure);
        using var admin = await StaffAccountsTests.AdminAsync(service);
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(RSA.Create(2048)));

        var withPrivate = await admin.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId = "leaky-hospital", jwks = new { keys = new[] { new { kty = "RSA", e = key.E, n = key.N, d = key.D } } }, scopes = new[] { "system/ServiceRequest.write" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, withPrivate.StatusCode);
        Assert.Contains("Public keys only", await withPrivate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badScope = await admin.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId = "greedy-hospital", jwks = new { keys = new[] { new { kty = "RSA", e = key.E, n = key.N } } }, scopes = new[] { "system/*.write" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Contains("system/Appointment.read", await badScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

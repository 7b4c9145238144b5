using System.Net;
using System.Text.Json;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.WellKnown;

[Collection(InfrastructureCollection.Name)]
public sealed class DiscoveryTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    [Fact]
    public async Task The_smart_configuration_describes_backend_services_and_staff_sign_in()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        using var response = await client.GetAsync("/.well-known/smart-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var smart = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("http://localhost/", smart.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/connect/token", smart.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/authorize", smart.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/.well-known/jwks", smart.GetProperty("jwks_uri").GetString());
        Assert.Contains("private_key_jwt", Strings(smart, "token_endpoint_auth_methods_supported"));
        Assert.Contains("client_secret_basic", Strings(smart, "token_endpoint_auth_methods_supported"));
        Assert.Equal(["RS384", "ES384"], Strings(smart, "token_endpoint_auth_signing_alg_values_supported"));
        Assert.Equal(["client_credentials", "authorization_code", "refresh_token"], Strings(smart, "grant_types_supported"));
        Assert.Contains("system/ServiceRequest.write", Strings(smart, "scopes_supported"));
        Assert.Contains("system/Appointment.read", Strings(smart, "scopes_supported"));
        Assert.Contains("offline_access", Strings(smart, "scopes_supported"));
        Assert.Equal(["S256"], Strings(smart, "code_challenge_methods_supported"));
        Assert.Contains("client-confidential-asymmetric", Strings(smart, "capabilities"));
        Assert.Contains("permission-offline", Strings(smart, "capabilities"));
    }

    [Fact]
    public async Task The_smart_configuration_agrees_with_the_OpenID_configuration()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        var smart = JsonDocument.Parse(await client.GetStringAsync("/.well-known/smart-configuration")).RootElement;
        var openid = await Discovery.OpenIdConfigurationAsync(client);

        foreach (var field in new[] { "issuer", "token_endpoint", "authorization_endpoint", "jwks_uri" })
        {
            Assert.Equal(openid.GetProperty(field).GetString(), smart.GetProperty(field).GetString());
        }
        Assert.Contains("private_key_jwt", Strings(openid, "token_endpoint_auth_methods_supported"));
        Assert.Subset(Strings(openid, "grant_types_supported").ToHashSet(), Strings(smart, "grant_types_supported").ToHashSet());
        Assert.Equal(["S256"], Strings(openid, "code_challenge_methods_supported"));
    }

    private static string[] Strings(JsonElement document, string property) =>
        [.. document.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}

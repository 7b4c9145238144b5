using System.Net;
using System.Security.Cryptography;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Tests.Tokens;

/// <summary>SMART Backend Services: client credentials with a signed JWT assertion (private_key_jwt).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ClientAssertionTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    private const string Scope = "system/ServiceRequest.write system/Appointment.read";

    [Fact]
    public async Task A_hospital_system_gets_a_token_with_an_RS384_signed_assertion()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(ClientAssertions.Create(service.ClientKey), Scope));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.InRange(int.Parse(response["expires_in"]!, System.Globalization.CultureInfo.InvariantCulture), 1, 300);
        var token = response.AccessToken;
        Assert.Equal(IdentityService.AssertionClientId, token.Subject);
        Assert.Equal(IdentityService.AssertionClientId, token.GetClaim("client_id").Value);
        Assert.Equal("Test hospital", token.GetClaim("name").Value);
        Assert.Equal("integration-client", token.GetClaim("role").Value);
        Assert.Equal(Scope, token.GetClaim("scope").Value);
        Assert.Equal([IdentityService.Audience], token.Audiences);

        var validation = await Discovery.ValidateAccessTokenAsync(client, response["access_token"]!);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task A_hospital_system_gets_a_token_with_an_ES384_signed_assertion()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var assertion = ClientAssertions.Create(service.ClientEcKey, algorithm: SecurityAlgorithms.EcdsaSha384);

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(assertion, "system/Appointment.read"));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal(IdentityService.AssertionClientId, response.AccessToken.Subject);
        Assert.Equal("system/Appointment.read", response.AccessToken.GetClaim("scope").Value);
    }

    [Fact]
    public async Task An_assertion_in_the_newer_RFC_7523_form_is_accepted_too()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var assertion = ClientAssertions.Create(service.ClientKey, audience: "http://localhost/", type: "client-authentication+jwt");

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(assertion, "system/ServiceRequest.write"));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal(IdentityService.AssertionClientId, response.AccessToken.Subject);
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_is_refused()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        using var stranger = RSA.Create(2048);
        var forged = ClientAssertions.Create(new RsaSecurityKey(stranger) { KeyId = service.ClientKey.KeyId });

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(forged, Scope));

        AssertRefused(response);
    }

    [Fact]
    public async Task An_expired_assertion_is_refused()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var expired = ClientAssertions.Create(service.ClientKey, expires: DateTime.UtcNow.AddMinutes(-1));

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(expired, Scope));

        AssertRefused(response);
        Assert.Contains("expired", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_assertion_with_alg_none_is_refused()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(ClientAssertions.Unsigned(), Scope));

        AssertRefused(response);
    }

    [Fact]
    public async Task A_replayed_assertion_is_refused_the_second_time()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var assertion = ClientAssertions.Create(service.ClientKey);

        var first = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(assertion, Scope));
        var replay = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(assertion, Scope));

        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        AssertRefused(replay);
        Assert.Contains("already used", replay["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_signed_with_RS256_is_refused_because_SMART_asks_for_RS384_or_ES384()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var rs256 = ClientAssertions.Create(service.ClientKey, algorithm: SecurityAlgorithms.RsaSha256);

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(rs256, Scope));

        AssertRefused(response);
        Assert.Contains("RS384", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_valid_for_more_than_five_minutes_is_refused()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var longLived = ClientAssertions.Create(service.ClientKey, expires: DateTime.UtcNow.AddMinutes(30));

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(longLived, Scope));

        AssertRefused(response);
        Assert.Contains("five minutes", response["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_addressed_to_another_server_is_refused()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var elsewhere = ClientAssertions.Create(service.ClientKey, audience: "https://other-server.example/token");

        var response = await TokenEndpoint.PostAsync(client, ClientAssertions.ClientCredentialsForm(elsewhere, Scope));

        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.ToString());
        Assert.Null(response["access_token"]);
    }

    /// <summary>A refused client authentication: 401 invalid_client (RFC 6749 §5.2) and no token.</summary>
    private static void AssertRefused(TokenResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.Unauthorized, response.ToString());
        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response["access_token"]);
    }
}

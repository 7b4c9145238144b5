using System.Net;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.Tokens;

[Collection(InfrastructureCollection.Name)]
public sealed class ClientSecretTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    private const string ClientId = "physician-office-dev";
    private const string Secret = "dev-office-secret"; // documented in services/identity/README.md, stored only as a hash

    [Fact]
    public async Task A_physician_office_system_gets_a_short_lived_token_with_its_client_secret()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        var response = await TokenEndpoint.PostAsync(client,
            ("grant_type", "client_credentials"), ("client_id", ClientId), ("client_secret", Secret),
            ("scope", "system/ServiceRequest.write system/ServiceRequest.read"));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal("Bearer", response["token_type"]);
        Assert.InRange(int.Parse(response["expires_in"]!, System.Globalization.CultureInfo.InvariantCulture), 1, 300);
        Assert.Null(response["refresh_token"]);

        var token = response.AccessToken;
        Assert.Equal(ClientId, token.Subject);
        Assert.Equal(ClientId, token.GetClaim("client_id").Value);
        Assert.Equal("integration-client", token.GetClaim("role").Value);
        Assert.Equal("system/ServiceRequest.write system/ServiceRequest.read", token.GetClaim("scope").Value);
        Assert.Equal([IdentityService.Audience], token.Audiences);
        Assert.True(token.ValidTo <= DateTime.UtcNow.AddMinutes(5).AddSeconds(5), $"expires {token.ValidTo:O}");

        var validation = await Discovery.ValidateAccessTokenAsync(client, response["access_token"]!);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_as_invalid_client()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        var response = await TokenEndpoint.PostAsync(client,
            ("grant_type", "client_credentials"), ("client_id", ClientId), ("client_secret", "not-the-secret"),
            ("scope", "system/ServiceRequest.write"));

        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.ToString());
        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task A_scope_the_client_is_not_registered_for_is_refused()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();

        var response = await TokenEndpoint.PostAsync(client,
            ("grant_type", "client_credentials"), ("client_id", ClientId), ("client_secret", Secret),
            ("scope", "system/Observation.read"));

        // OpenIddict names a scope outside the client's permissions an invalid request (not invalid_scope).
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Contains("scope", response["error_description"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(response["access_token"]);
    }
}

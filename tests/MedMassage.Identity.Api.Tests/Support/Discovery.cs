using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Tests.Support;

/// <summary>Validates a token the way the gateway and the services will: issuer and keys from discovery only.</summary>
internal static class Discovery
{
    public static async Task<JsonElement> OpenIdConfigurationAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement.Clone();

    public static async Task<TokenValidationResult> ValidateAccessTokenAsync(HttpClient client, string token)
    {
        var configuration = await OpenIdConfigurationAsync(client);
        var jwks = new JsonWebKeySet(await client.GetStringAsync(configuration.GetProperty("jwks_uri").GetString()));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.GetProperty("issuer").GetString(),
            ValidAudience = IdentityService.Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ClockSkew = TimeSpan.Zero,
        });
    }
}

using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Tests.Support;

/// <summary>Signed JWT client assertions as a SMART Backend Services client builds them.</summary>
internal static class ClientAssertions
{
    public static string Create(
        SecurityKey key,
        string clientId = IdentityService.AssertionClientId,
        string algorithm = SecurityAlgorithms.RsaSha384,
        string? jti = null,
        DateTime? expires = null,
        string audience = TokenEndpoint.TokenUrl,
        string type = "JWT")
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(4);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("jti", jti ?? Guid.NewGuid().ToString("N"))]),
            IssuedAt = exp.AddMinutes(-4),
            NotBefore = exp.AddMinutes(-4),
            Expires = exp,
            SigningCredentials = new SigningCredentials(key, algorithm),
            TokenType = type,
        });
    }

    /// <summary>An unsigned assertion ("alg": "none") with otherwise valid claims.</summary>
    public static string Unsigned(string clientId = IdentityService.AssertionClientId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"{{clientId}}","sub":"{{clientId}}","aud":"{{TokenEndpoint.TokenUrl}}","jti":"{{Guid.NewGuid():N}}","iat":{{now}},"exp":{{now + 240}}}""");
        return $"{header}.{payload}.";
    }

    public static (string, string)[] ClientCredentialsForm(string assertion, string scope) =>
    [
        ("grant_type", "client_credentials"),
        ("scope", scope),
        ("client_assertion_type", TokenEndpoint.JwtBearerAssertion),
        ("client_assertion", assertion),
    ];
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Testing;

/// <summary>
/// Signs access tokens shaped exactly like the identity service's (RS256, <c>typ: at+jwt</c>, audience
/// <c>medmassage-api</c>, claims sub/name/role/location/client_id/scope) with a key the service under test is told
/// to trust, so tests can act as any role. The identity service's own tests cover real issuance.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.medmassage.test/";
    public const string Audience = "medmassage-api";

    public static RsaSecurityKey SigningKey { get; } = NewKey("test-signing-key");

    /// <param name="notBefore">Start of validity; put it in the past to make an expired token.</param>
    public static string For(TestCaller caller, TimeSpan? lifetime = null, string audience = Audience,
        SecurityKey? key = null, string issuer = Issuer, DateTime? notBefore = null)
    {
        var now = notBefore ?? DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new("sub", caller.Subject), new("name", caller.Name ?? caller.Role), new("role", caller.Role),
        };
        claims.AddRange(caller.Locations.Select(l => new Claim("location", l.ToString())));
        if (caller.Npi is not null)
        {
            claims.Add(new("npi", caller.Npi));
        }

        if (caller.ClientId is not null)
        {
            claims.Add(new("client_id", caller.ClientId));
        }

        if (caller.Scopes is { Count: > 0 } scopes)
        {
            claims.Add(new("scope", string.Join(' ', scopes)));
        }

        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature, as an attacker would send them.</summary>
    public static string Unsigned(TestCaller caller)
    {
        var signed = For(caller);
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{payload}.";
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };
}

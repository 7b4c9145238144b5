namespace MedMassage.Identity.Api.Infrastructure;

/// <summary>Section <c>Identity</c>.</summary>
public sealed class TokenIssuerOptions
{
    /// <summary>SMART Backend Services asks for access tokens that live five minutes at most.</summary>
    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The public issuer URL (as seen through the gateway). Unset: the URL of the request.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>The <c>aud</c> of every access token; the gateway and the services accept this audience.</summary>
    public string Audience { get; set; } = "medmassage-api";

    public TimeSpan AccessTokenLifetime { get; set; } = MaxAccessTokenLifetime;

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where the signing and encryption keys live; default <c>.keys</c> under the content root.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The seed file read in Development only, relative to the content root.</summary>
    public string SeedFile { get; set; } = "seed.development.json";
}

namespace MedMassage.Identity.Api.Application.Tokens;

/// <summary>Claim names the gateway and the services read (OpenIddict adds <c>client_id</c>, <c>scope</c>, <c>aud</c>).</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>One claim per location id (a GUID) a staff member works at.</summary>
    public const string Location = "location";

    /// <summary>A referring physician's NPI.</summary>
    public const string Npi = "npi";
}

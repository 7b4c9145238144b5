namespace MedMassage.Identity.Api.Infrastructure.Seeding;

/// <summary>Section <c>Identity:Seed</c>, read in Development only (see README.md and seed.development.json).</summary>
public sealed class SeedOptions
{
    /// <summary>Keyed by user name.</summary>
    public Dictionary<string, StaffSeed> Users { get; set; } = [];

    /// <summary>Keyed by client_id.</summary>
    public Dictionary<string, ClientSeed> Clients { get; set; } = [];
}

public sealed class StaffSeed
{
    public Guid Id { get; set; }
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public List<Guid> Locations { get; set; } = [];

    /// <summary>Referring physicians only: their NPI, carried in the token as claim <c>npi</c>.</summary>
    public string? Npi { get; set; }

    /// <summary>ASP.NET Core Identity V3 hash (PBKDF2); the seed never holds a password.</summary>
    public string PasswordHash { get; set; } = "";
}

public sealed class ClientSeed
{
    public string? DisplayName { get; set; }

    /// <summary>"client_credentials" for systems; "authorization_code" and "refresh_token" for the staff app.</summary>
    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    public List<Uri> RedirectUris { get; set; } = [];

    /// <summary>Hash of the client secret (same V3 format); absent for public clients and key-only clients.</summary>
    public string? SecretHash { get; set; }

    /// <summary>Public keys for private_key_jwt, as a JWKS object (or a JSON string of one, from configuration).</summary>
    public string? Jwks { get; set; }
}

using System.Security.Cryptography;
using System.Text.Json;
using MedMassage.Testing;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Tests.Support;

/// <summary>
/// The identity service on the real PostgreSQL, with the development seed, its keys in a temporary directory, and
/// one more backend client whose RS384 key pair is made here: only its public key goes to the service, as a setting.
/// </summary>
internal sealed class IdentityService : ServiceFactory<Program>
{
    public const string AssertionClientId = "test-hospital";
    public const string Audience = "medmassage-api";

    public IdentityService(InfrastructureFixture infrastructure, string? keysDirectory = null)
        : base(infrastructure, "identitydb", "identity-api")
    {
        ownsKeysDirectory = keysDirectory is null;
        KeysDirectory = keysDirectory ?? NewKeysDirectory();
        ClientKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-hospital-rsa" };
        ClientEcKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP384)) { KeyId = "test-hospital-ec" };

        var rsa = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(ClientKey.Rsa.ExportParameters(false)) { KeyId = ClientKey.KeyId });
        var ec = ClientEcKey.ECDsa.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new object[]
            {
                new { kty = "RSA", use = "sig", alg = "RS384", kid = rsa.Kid, e = rsa.E, n = rsa.N },
                new { kty = "EC", use = "sig", alg = "ES384", kid = ClientEcKey.KeyId, crv = "P-384", x = Base64UrlEncoder.Encode(ec.Q.X), y = Base64UrlEncoder.Encode(ec.Q.Y) },
            },
        });

        Settings["Identity:KeysDirectory"] = KeysDirectory;
        // The staff app's client comes from configuration, as in production (not from the development seed).
        Settings["Identity:StaffApp:RedirectUris:0"] = StaffBrowser.RedirectUri;
        Settings["Identity:StaffApp:PostLogoutRedirectUris:0"] = StaffBrowser.SignedOutUri;
        Settings[$"Identity:Seed:Clients:{AssertionClientId}:DisplayName"] = "Test hospital";
        Settings[$"Identity:Seed:Clients:{AssertionClientId}:GrantTypes:0"] = "client_credentials";
        Settings[$"Identity:Seed:Clients:{AssertionClientId}:Scopes:0"] = "system/ServiceRequest.write";
        Settings[$"Identity:Seed:Clients:{AssertionClientId}:Scopes:1"] = "system/Appointment.read";
        Settings[$"Identity:Seed:Clients:{AssertionClientId}:Jwks"] = jwks;
    }

    private readonly bool ownsKeysDirectory;

    public string KeysDirectory { get; }

    public static string NewKeysDirectory() => Path.Combine(Path.GetTempPath(), $"identity-keys-{Guid.NewGuid():N}");

    /// <summary>The test hospital's private key: it never leaves the test.</summary>
    public RsaSecurityKey ClientKey { get; }

    /// <summary>Its ES384 key, registered in the same JWKS.</summary>
    public ECDsaSecurityKey ClientEcKey { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ClientKey.Rsa.Dispose();
        ClientEcKey.ECDsa.Dispose();
        if (ownsKeysDirectory && Directory.Exists(KeysDirectory))
        {
            Directory.Delete(KeysDirectory, recursive: true);
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using MedMassage.Testing;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The whole suite, started once for these tests by its AppHost through Aspire's testing support.</summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    public RunningSuite Suite { get; private set; } = null!;

    public Uri GatewayUrl => Suite.GatewayUrl;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Every message the development SMTP server accepted, raw.</summary>
    public IReadOnlyList<string> Mailbox() => Suite.Mailbox();

    /// <summary>A hospital system registered for this run with its public key only (SMART Backend Services).</summary>
    public const string HospitalClientId = "e2e-hospital";

    /// <summary>The hospital's private key: it never leaves the test.</summary>
    public RsaSecurityKey HospitalKey { get; } = new(RSA.Create(2048)) { KeyId = "e2e-hospital-rs384" };

    /// <summary>A client for the gateway carrying <paramref name="token"/>.</summary>
    public HttpClient GatewayAs(string token)
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task InitializeAsync()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(HospitalKey.Rsa.ExportParameters(false)) { KeyId = HospitalKey.KeyId });
        var hospital = $"Identity__Seed__Clients__{HospitalClientId}__";
        var environment = new Dictionary<string, string?>
        {
            [hospital + "DisplayName"] = "Hospital system (end-to-end test)",
            [hospital + "GrantTypes__0"] = "client_credentials",
            [hospital + "Scopes__0"] = "system/ServiceRequest.write",
            [hospital + "Scopes__1"] = "system/ServiceRequest.read",
            [hospital + "Scopes__2"] = "system/Slot.read",
            [hospital + "Scopes__3"] = "system/Appointment.read",
            [hospital + "Scopes__4"] = "system/Appointment.write",
            [hospital + "Scopes__5"] = "system/Observation.read",
            [hospital + "Scopes__6"] = "system/DocumentReference.read",
            [hospital + "Scopes__7"] = "system/Communication.read",
            [hospital + "Scopes__8"] = "system/Patient.read",
            // The staff app refreshes a person's access token once it is ten seconds old, so browser tests exercise
            // the refresh at the identity service (tokens live five minutes).
            ["StaffApp__RefreshAhead"] = "00:04:50",
            // The bad-input run sends about a thousand requests as one person; rate limits are the gateway tests' subject.
            ["Gateway__PerClient__PermitLimit"] = "100000",
            ["Gateway__PerIp__PermitLimit"] = "100000",
            [hospital + "Jwks"] = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS384", kid = jwk.Kid, e = jwk.E, n = jwk.N } } }),
        };
        Suite = await RunningSuite.StartAsync(environment);
        Gateway = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Suite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}

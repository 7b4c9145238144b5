using System.Net;
using System.Text.Json;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.WellKnown;

[Collection(InfrastructureCollection.Name)]
public sealed class SigningKeyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Keys_are_generated_on_first_run_and_reused_after_a_restart()
    {
        var keys = IdentityService.NewKeysDirectory();
        try
        {
            string firstKid;
            string token;
            await using (var first = new IdentityService(infrastructure, keys))
            {
                using var client = first.CreateClient();
                firstKid = await SigningKeyIdAsync(client);
                token = (await TokenEndpoint.PostAsync(client,
                    ("grant_type", "client_credentials"), ("client_id", "physician-office-dev"), ("client_secret", "dev-office-secret"),
                    ("scope", "system/ServiceRequest.read")))["access_token"]!;
            }
            Assert.True(File.Exists(Path.Combine(keys, "signing.pem")));
            Assert.True(File.Exists(Path.Combine(keys, "encryption.pem")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "signing.pem")));
            }

            await using var second = new IdentityService(infrastructure, keys);
            using var secondClient = second.CreateClient();
            Assert.Equal(firstKid, await SigningKeyIdAsync(secondClient));
            var validation = await Discovery.ValidateAccessTokenAsync(secondClient, token);
            Assert.True(validation.IsValid, validation.Exception?.Message);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public async Task The_published_keys_hold_no_private_part()
    {
        await using var service = new IdentityService(infrastructure);
        using var client = service.CreateClient();

        using var response = await client.GetAsync("/.well-known/jwks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            Assert.False(key.TryGetProperty(secret, out _), $"private parameter '{secret}' published");
        }
    }

    private static async Task<string> SigningKeyIdAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/.well-known/jwks")).RootElement
            .GetProperty("keys")[0].GetProperty("kid").GetString()!;
}

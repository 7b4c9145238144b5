using System.Text;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class BadInputTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Malformed_requests_get_a_4xx_and_never_a_500()
    {
        await using var service = new IdentityService(infrastructure);
        using var client = service.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cases = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("token request without parameters", () => client.PostAsync("/connect/token", new FormUrlEncodedContent([]))),
            ("unknown grant type", () => Form("/connect/token", ("grant_type", "password"), ("client_id", "staff-web"), ("username", "therapist"), ("password", "dev-therapist"))),
            ("garbage client assertion", () => Form("/connect/token", ("grant_type", "client_credentials"), ("client_assertion_type", TokenEndpoint.JwtBearerAssertion), ("client_assertion", "not.a.jwt"))),
            ("assertion of an unknown client", () => Form("/connect/token", ("grant_type", "client_credentials"), ("client_assertion_type", TokenEndpoint.JwtBearerAssertion), ("client_assertion", ClientAssertions.Create(service.ClientKey, clientId: "nobody")))),
            ("JSON instead of a form at the token endpoint", () => client.PostAsync("/connect/token", new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"))),
            ("authorization request without parameters", () => client.GetAsync("/connect/authorize")),
            ("authorization request for an unknown redirect URI", () => client.GetAsync("/connect/authorize?client_id=staff-web&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2F&code_challenge=abc&code_challenge_method=S256")),
            ("login form posted as JSON", () => client.PostAsync("/account/login", new StringContent("{\"userName\":\"therapist\"}", Encoding.UTF8, "application/json"))),
        };

        foreach (var (what, send) in cases)
        {
            using var response = await send();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Task<HttpResponseMessage> Form(string path, params (string Key, string Value)[] fields) =>
            client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MedMassage.Identity.Api.Tests.Support;

/// <summary>Form posts to /connect/token and what comes back.</summary>
internal static class TokenEndpoint
{
    public const string Path = "/connect/token";
    public const string TokenUrl = "http://localhost/connect/token";
    public const string JwtBearerAssertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static async Task<TokenResponse> PostAsync(HttpClient client, params (string Key, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        using var response = await client.PostAsync(Path, content);
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }
}

internal sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
{
    public string? this[string name] =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public string? Error => this["error"];

    public JsonWebToken AccessToken => new(this["access_token"] ?? throw new InvalidOperationException($"No access token: {Status} {Body}"));

    public override string ToString() => $"{(int)Status} {Body}";
}

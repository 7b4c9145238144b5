using System.Net.Http.Headers;
using System.Text.Json;
using MedMassage.StaffApp.Session;

namespace MedMassage.StaffApp.Gateway;

/// <summary>
/// Calls the services through the gateway with the signed-in person's own token, so every service applies that
/// person's role and locations: the app never sees more than the person may.
/// </summary>
public sealed class GatewayClient(HttpClient http, StaffSession session)
{
    internal static readonly JsonSerializerOptions Json = MedMassage.ServiceDefaults.ApiJson.Options;

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, ct);

    /// <summary><paramref name="ifMatch"/>: the version the person saw (an ETag); the change is refused (412) if it is not the current one.</summary>
    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct = default, string? ifMatch = null) =>
        SendAsync<T>(HttpMethod.Post, path, body, ct, ifMatch);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken ct = default, string? ifMatch = null) =>
        SendAsync<T>(HttpMethod.Put, path, body, ct, ifMatch);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Delete, path, null, ct);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await session.AccessTokenAsync(ct));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength is 0 || typeof(T) == typeof(object)
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>(value, null, response.Headers.ETag?.ToString());
        }
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            throw new SessionEndedException();
        }
        return new ApiResult<T>(default, await ProblemAsync(response, ct));
    }

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
            var root = json.RootElement;
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Array
                    ? p.Value.EnumerateArray().Select(v => v.ToString()).ToArray()
                    : [p.Value.ToString()])
                : [];
            return new ApiProblem(status, Text(root, "title") ?? response.ReasonPhrase ?? "Refused", Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, response.ReasonPhrase ?? "Refused", null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

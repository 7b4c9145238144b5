using System.Collections.Concurrent;
using System.Text.Json;
using MedMassage.StaffApp.Extensions;
using Microsoft.Extensions.Options;

namespace MedMassage.StaffApp.Session;

/// <summary>
/// Hands out a person's access token, refreshing it at the identity service shortly before it expires (access tokens
/// live minutes). One refresh at a time per session: the identity service rotates refresh tokens, and two concurrent
/// refreshes with the same one would waste the second.
/// </summary>
public sealed class TokenRefresher(
    StaffTokenStore store, IHttpClientFactory clients, IOptions<StaffAppOptions> options, TimeProvider time, ILogger<TokenRefresher> logger)
{
    public const string IssuerClient = "identity";
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<string> AccessTokenAsync(string session, CancellationToken ct)
    {
        var tokens = await store.FindAsync(session) ?? throw new SessionEndedException();
        if (!tokens.ExpiresWithin(options.Value.RefreshAhead, time.GetUtcNow()))
        {
            return tokens.AccessToken;
        }

        var gate = _locks.GetOrAdd(session, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another call may have refreshed while this one waited.
            tokens = await store.FindAsync(session) ?? throw new SessionEndedException();
            if (!tokens.ExpiresWithin(options.Value.RefreshAhead, time.GetUtcNow()))
            {
                return tokens.AccessToken;
            }
            var refreshed = await RefreshAsync(tokens, ct);
            if (refreshed is null)
            {
                await store.RemoveAsync(session);
                throw new SessionEndedException();
            }
            await store.SaveAsync(session, refreshed);
            return refreshed.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<StaffTokens?> RefreshAsync(StaffTokens tokens, CancellationToken ct)
    {
        if (tokens.RefreshToken is null)
        {
            return null;
        }
        using var response = await clients.CreateClient(IssuerClient).PostAsync(new Uri(options.Value.Gateway, "connect/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = options.Value.ClientId,
                ["refresh_token"] = tokens.RefreshToken,
            }), ct);
        if (!response.IsSuccessStatusCode)
        {
            // Deactivated, revoked or expired: the person must sign in again.
            logger.LogInformation("Refreshing a staff session's token was refused ({Status})", (int)response.StatusCode);
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var root = json.RootElement;
        return StaffTokens.From(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : tokens.RefreshToken,
            root.TryGetProperty("expires_in", out var expires) ? expires.GetRawText() : null,
            time.GetUtcNow());
    }
}

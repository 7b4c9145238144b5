using System.Text.Json;
using MedMassage.StaffApp.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MedMassage.StaffApp.Session;

/// <summary>
/// Sign-in sessions' tokens in Redis, keyed by the session id in the person's cookie: shared by every replica of the
/// app, and gone when the person signs out (the cookie alone then opens nothing).
/// </summary>
public sealed class StaffTokenStore(IConnectionMultiplexer redis, IOptions<StaffAppOptions> options)
{
    private static RedisKey Key(string session) => $"medmassage:staff-app:session:{session}";

    public async Task SaveAsync(string session, StaffTokens tokens) =>
        await redis.GetDatabase().StringSetAsync(Key(session), JsonSerializer.SerializeToUtf8Bytes(tokens), options.Value.SessionLifetime);

    public async Task<StaffTokens?> FindAsync(string session)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(session));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<StaffTokens>((byte[])value!);
    }

    public Task<bool> ExistsAsync(string session) => redis.GetDatabase().KeyExistsAsync(Key(session));

    public Task RemoveAsync(string session) => redis.GetDatabase().KeyDeleteAsync(Key(session));

    /// <summary>
    /// Ends a session because its person signed out, and remembers that for a while: a page of it still open (this tab
    /// while it leaves, or another tab) then says "signed out" instead of sending the person to sign in again, which
    /// would race the way out through the identity service and sign them straight back in.
    /// </summary>
    public async Task SignOutAsync(string session)
    {
        var db = redis.GetDatabase();
        await db.StringSetAsync(SignedOutKey(session), true, SignedOutMemory);
        await db.KeyDeleteAsync(Key(session));
    }

    public Task<bool> WasSignedOutAsync(string session) => redis.GetDatabase().KeyExistsAsync(SignedOutKey(session));

    private static readonly TimeSpan SignedOutMemory = TimeSpan.FromHours(1);

    private static RedisKey SignedOutKey(string session) => $"medmassage:staff-app:signed-out:{session}";
}

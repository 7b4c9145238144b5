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
}

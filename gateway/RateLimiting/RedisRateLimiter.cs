using MedMassage.Gateway.Edge;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MedMassage.Gateway.RateLimiting;

/// <summary>
/// Fixed-window counters in Redis, so every gateway replica draws on the same allowance. One round trip per
/// request counts both partitions (the client and the IP address) atomically.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, IOptions<EdgeOptions> options, TimeProvider time)
{
    // KEYS: client counter, ip counter (either may be empty: not counted). ARGV: client limit, client window ms, ip limit, ip window ms.
    // Returns the milliseconds to wait when a limit is exceeded, or -1 when the request may pass.
    private const string Script = """
        local function take(key, limit, window)
          if key == '' then return -1 end
          local count = redis.call('INCR', key)
          if count == 1 then redis.call('PEXPIRE', key, window) end
          if count > tonumber(limit) then
            local ttl = redis.call('PTTL', key)
            if ttl < 0 then redis.call('PEXPIRE', key, window); ttl = window end
            return ttl
          end
          return -1
        end
        local wait = take(KEYS[1], ARGV[1], ARGV[2])
        local ipWait = take(KEYS[2], ARGV[3], ARGV[4])
        return math.max(wait, ipWait)
        """;

    /// <summary>Null when the request may pass; otherwise how long the caller should wait.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string? client, string ip)
    {
        if (!redis.IsConnected)
        {
            return null; // Redis away: traffic passes unlimited at once rather than each request waiting out a timeout
        }
        var (perClient, perIp) = (options.Value.PerClient, options.Value.PerIp);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        RedisKey[] keys =
        [
            client is null ? "" : $"ratelimit:client:{client}:{now / (long)perClient.Window.TotalMilliseconds}",
            ip.Length == 0 ? "" : $"ratelimit:ip:{ip}:{now / (long)perIp.Window.TotalMilliseconds}",
        ];
        RedisValue[] args = [perClient.PermitLimit, (long)perClient.Window.TotalMilliseconds, perIp.PermitLimit, (long)perIp.Window.TotalMilliseconds];
        var waitMs = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args);
        return waitMs < 0 ? null : TimeSpan.FromMilliseconds(Math.Max(waitMs, 1));
    }
}

using System.Globalization;
using System.Text.Json;
using MedMassage.Scheduling.Api.Domain.Time;
using StackExchange.Redis;

namespace MedMassage.Scheduling.Api.Application.Holds;

/// <summary>A slot kept for one referral for a few minutes while the front desk confirms it.</summary>
public sealed record SlotHold(Guid Id, Guid ReferralId, Guid TherapistId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ExpiresAt)
{
    public Interval Visit => new(StartsAt, EndsAt);
}

/// <summary>
/// Holds live in Redis, per therapist, in a sorted set scored by expiry. Taking a hold is one Lua script, so two
/// clients can never hold overlapping time for different referrals. Expiry is judged by the service's clock
/// rather than Redis TTLs, so an expired hold frees its slot exactly when the clock says so.
/// </summary>
public sealed class SlotHolds(IConnectionMultiplexer redis, TimeProvider time)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(5);

    private const string AcquireScript = """
        local key = KEYS[1]
        local now = tonumber(ARGV[1])
        local s = tonumber(ARGV[2])
        local e = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
        for _, m in ipairs(redis.call('ZRANGE', key, 0, -1)) do
            local h = cjson.decode(m)
            if h.s < e and s < h.e and h.r ~= ARGV[4] then return m end
        end
        redis.call('ZADD', key, tonumber(ARGV[6]), ARGV[5])
        redis.call('SET', KEYS[2], ARGV[5], 'PX', tonumber(ARGV[6]) - now + 60000)
        return false
        """;

    private const string ActiveScript = """
        local found = {}
        for i, key in ipairs(KEYS) do
            for _, m in ipairs(redis.call('ZRANGEBYSCORE', key, '(' .. ARGV[1], '+inf')) do
                found[#found + 1] = i
                found[#found + 1] = m
            end
        end
        return found
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Takes the hold, or returns the other referral's hold that overlaps it.</summary>
    public async Task<(SlotHold? Taken, SlotHold? Conflict)> TryHoldAsync(Guid referralId, Guid therapistId, Interval visit, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        var hold = new SlotHold(Guid.NewGuid(), referralId, therapistId, visit.Start, visit.End, now + duration);
        var member = Serialize(hold);
        var result = await Db.ScriptEvaluateAsync(AcquireScript,
            [TherapistKey(therapistId), HoldKey(hold.Id)],
            [now.ToUnixTimeMilliseconds(), visit.Start.ToUnixTimeMilliseconds(), visit.End.ToUnixTimeMilliseconds(), referralId.ToString(), member, hold.ExpiresAt.ToUnixTimeMilliseconds()]);
        return result.IsNull ? (hold, null) : (null, Deserialize(therapistId, (string)result!));
    }

    /// <summary>Unexpired holds of these therapists; none while Redis is away (no hold can be taken then either).</summary>
    public async Task<IReadOnlyList<SlotHold>> ActiveAsync(IEnumerable<Guid> therapistIds)
    {
        var ids = therapistIds.ToList();
        if (ids.Count == 0 || !redis.IsConnected)
        {
            return [];
        }
        // One command for all therapists: pairs of (therapist's position in KEYS, hold).
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await Db.ScriptEvaluateAsync(ActiveScript, [.. ids.Select(TherapistKey)], [time.GetUtcNow().ToUnixTimeMilliseconds()]))!;
        }
        catch (RedisException)
        {
            return []; // Redis went away just now: as above
        }
        var holds = new List<SlotHold>();
        for (var i = 0; i + 1 < result.Length; i += 2)
        {
            holds.Add(Deserialize(ids[(int)result[i] - 1], (string)result[i + 1]!));
        }
        return holds;
    }

    /// <summary>Another referral's live hold overlapping <paramref name="visit"/>, if any.</summary>
    public async Task<SlotHold?> HeldByOtherAsync(Guid therapistId, Interval visit, Guid referralId) =>
        (await ActiveAsync([therapistId])).FirstOrDefault(h => h.ReferralId != referralId && h.Visit.Overlaps(visit));

    public async Task<SlotHold?> FindAsync(Guid holdId)
    {
        var member = await Db.StringGetAsync(HoldKey(holdId));
        if (member.IsNull)
        {
            return null;
        }
        var hold = Deserialize(Guid.Empty, member!);
        return hold.ExpiresAt > time.GetUtcNow() ? hold : null;
    }

    public async Task ReleaseAsync(Guid holdId)
    {
        var member = await Db.StringGetDeleteAsync(HoldKey(holdId));
        if (!member.IsNull)
        {
            var hold = Deserialize(Guid.Empty, member!);
            await Db.SortedSetRemoveAsync(TherapistKey(hold.TherapistId), member);
        }
    }

    private static string TherapistKey(Guid therapistId) => $"scheduling:holds:{therapistId}";

    private static string HoldKey(Guid holdId) => $"scheduling:hold:{holdId}";

    private static string Serialize(SlotHold h) => JsonSerializer.Serialize(new Stored(
        h.Id, h.ReferralId.ToString(), h.TherapistId, h.StartsAt.ToUnixTimeMilliseconds(), h.EndsAt.ToUnixTimeMilliseconds(), h.ExpiresAt.ToUnixTimeMilliseconds()));

    private static SlotHold Deserialize(Guid therapistId, string member)
    {
        var s = JsonSerializer.Deserialize<Stored>(member)!;
        return new SlotHold(s.id, Guid.Parse(s.r, CultureInfo.InvariantCulture), s.t == Guid.Empty ? therapistId : s.t,
            DateTimeOffset.FromUnixTimeMilliseconds(s.s), DateTimeOffset.FromUnixTimeMilliseconds(s.e), DateTimeOffset.FromUnixTimeMilliseconds(s.x));
    }

#pragma warning disable IDE1006, CA1707 // short field names keep the Lua side terse
    private sealed record Stored(Guid id, string r, Guid t, long s, long e, long x);
#pragma warning restore IDE1006, CA1707
}

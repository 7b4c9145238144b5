using MedMassage.Scheduling.Api.Domain.Time;
using StackExchange.Redis;

namespace MedMassage.Scheduling.Api.Application;

/// <summary>
/// Everything that changes what can be booked at a location goes through here. Cached slot searches are keyed by
/// a per-location generation counter in Redis; bumping it after a commit makes every replica's cached answers
/// unreachable at once, without relying on clocks. Freed time is offered to the waitlist. While Redis is unreachable
/// a change is remembered (<see cref="PendingScheduleChanges"/>) instead of failing a booking already committed, and
/// searches run uncached.
/// </summary>
public sealed class ScheduleChanges(IConnectionMultiplexer redis, PendingScheduleChanges pending, IEnumerable<IFreedTimeListener> listeners,
    ILogger<ScheduleChanges> logger)
{
    // A counter that Redis lost (a restart without persistence, a flush) must not count up through numbers it
    // already used, or a cached answer of an old generation would look current again. So a missing counter
    // starts from a random 62-bit number: generations are only ever compared for equality, never for order.
    private const string IncrementScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
        return redis.call('INCR', KEYS[1])
        """;

    public async Task ScheduleChangedAsync(Guid locationId, CancellationToken ct = default)
    {
        if (!redis.IsConnected)
        {
            pending.Add(locationId);
            return;
        }
        try
        {
            await BumpAsync(redis, locationId);
        }
        catch (RedisException e)
        {
            pending.Add(locationId);
            logger.LogWarning("Redis unavailable; the schedule generation of {Location} is bumped once it is back: {Error}", locationId, e.Message);
        }
    }

    internal static Task BumpAsync(IConnectionMultiplexer redis, Guid locationId) =>
        redis.GetDatabase().ScriptEvaluateAsync(IncrementScript, [GenerationKey(locationId)], [Fresh()]);

    public async Task ScheduleChangedAsync(IEnumerable<Guid> locationIds, CancellationToken ct = default) =>
        await Task.WhenAll(locationIds.Distinct().Select(id => ScheduleChangedAsync(id, ct)));

    /// <summary>
    /// A visit was booked, moved or cancelled: its location changed, and so did every location where its
    /// therapists work, because a therapist busy here is not free there either.
    /// </summary>
    public Task VisitChangedAsync(Guid locationId, IEnumerable<Guid> therapistLocationIds, CancellationToken ct = default) =>
        ScheduleChangedAsync(therapistLocationIds.Append(locationId), ct);

    /// <summary>The location's schedule generation, or null when it cannot be trusted now (Redis away, or a change not yet counted): search uncached.</summary>
    public async Task<long?> GenerationAsync(Guid locationId)
    {
        if (!redis.IsConnected || pending.Contains(locationId))
        {
            return null;
        }
        try
        {
            return await ReadGenerationAsync(locationId);
        }
        catch (RedisException)
        {
            return null;
        }
    }

    private async Task<long> ReadGenerationAsync(Guid locationId)
    {
        var db = redis.GetDatabase();
        var value = await db.StringGetAsync(GenerationKey(locationId));
        if (value.IsNull)
        {
            await db.StringSetAsync(GenerationKey(locationId), Fresh(), when: When.NotExists);
            value = await db.StringGetAsync(GenerationKey(locationId));
        }
        return (long)value;
    }

    private static long Fresh() => Random.Shared.NextInt64(1L << 32, 1L << 62);

    public async Task TimeFreedAsync(Guid locationId, Guid therapistId, Interval freed, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            await listener.TimeFreedAsync(locationId, therapistId, freed, ct);
        }
    }

    private static string GenerationKey(Guid locationId) => $"scheduling:slots-generation:{locationId}";
}

/// <summary>Told when a booked visit's time becomes free again (a cancellation or a move).</summary>
public interface IFreedTimeListener
{
    Task TimeFreedAsync(Guid locationId, Guid therapistId, Interval freed, CancellationToken ct);
}

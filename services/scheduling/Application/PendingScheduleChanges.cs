using System.Collections.Concurrent;
using StackExchange.Redis;

namespace MedMassage.Scheduling.Api.Application;

/// <summary>
/// Locations whose schedule changed while Redis was unreachable, so their generation could not be bumped. Until it
/// is, this replica searches them uncached (an old generation's cached answers would show taken time as free); the
/// flusher bumps them as soon as Redis is back. Bookings never depend on it: the database refuses double bookings.
/// </summary>
public sealed class PendingScheduleChanges
{
    private readonly ConcurrentDictionary<Guid, byte> _locations = new();

    public void Add(Guid locationId) => _locations.TryAdd(locationId, 0);

    public bool Contains(Guid locationId) => !_locations.IsEmpty && _locations.ContainsKey(locationId);

    public IReadOnlyList<Guid> All => [.. _locations.Keys];

    public void Done(Guid locationId) => _locations.TryRemove(locationId, out _);
}

/// <summary>Bumps the pending generations once Redis answers again (checked every second; nothing to do most of the time).</summary>
internal sealed class PendingScheduleChangeFlusher(PendingScheduleChanges pending, IConnectionMultiplexer redis, ILogger<PendingScheduleChangeFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (pending.All is not { Count: > 0 } locations || !redis.IsConnected)
            {
                continue;
            }
            try
            {
                foreach (var location in locations)
                {
                    await ScheduleChanges.BumpAsync(redis, location);
                    pending.Done(location);
                }
                logger.LogInformation("Redis is back: bumped the schedule generation of {Count} locations changed while it was away", locations.Count);
            }
            catch (RedisException e)
            {
                logger.LogWarning("Redis still unavailable for schedule generations: {Error}", e.Message);
            }
        }
    }
}

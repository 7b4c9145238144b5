using MedMassage.Scheduling.Api.Domain.Time;
using StackExchange.Redis;

namespace MedMassage.Scheduling.Api.Application;

/// <summary>
/// Everything that changes what can be booked at a location goes through here. Cached slot searches are keyed by
/// a per-location generation counter in Redis; bumping it after a commit makes every replica's cached answers
/// unreachable at once, without relying on clocks. Freed time is offered to the waitlist.
/// </summary>
public sealed class ScheduleChanges(IConnectionMultiplexer redis, IEnumerable<IFreedTimeListener> listeners)
{
    public async Task ScheduleChangedAsync(Guid locationId, CancellationToken ct = default) =>
        await redis.GetDatabase().StringIncrementAsync(GenerationKey(locationId));

    public async Task ScheduleChangedAsync(IEnumerable<Guid> locationIds, CancellationToken ct = default) =>
        await Task.WhenAll(locationIds.Distinct().Select(id => ScheduleChangedAsync(id, ct)));

    /// <summary>
    /// A visit was booked, moved or cancelled: its location changed, and so did every location where its
    /// therapists work, because a therapist busy here is not free there either.
    /// </summary>
    public Task VisitChangedAsync(Guid locationId, IEnumerable<Guid> therapistLocationIds, CancellationToken ct = default) =>
        ScheduleChangedAsync(therapistLocationIds.Append(locationId), ct);

    public async Task<long> GenerationAsync(Guid locationId)
    {
        var value = await redis.GetDatabase().StringGetAsync(GenerationKey(locationId));
        return value.IsNull ? 0 : (long)value;
    }

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

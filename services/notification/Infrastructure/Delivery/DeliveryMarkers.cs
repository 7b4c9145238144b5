using StackExchange.Redis;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// A fast-path note in Redis that a message left us, written right after the channel accepted it and before the
/// database records it. If the process dies in between, the retry finds the note and records the message as sent
/// instead of sending it again. The database stays the truth: without Redis we only lose this narrow protection.
/// </summary>
internal sealed class DeliveryMarkers(IConnectionMultiplexer redis, ILogger<DeliveryMarkers> logger)
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    public async Task<bool> WasSentAsync(Guid messageId)
    {
        try
        {
            return await redis.GetDatabase().KeyExistsAsync(Key(messageId));
        }
        catch (RedisException e)
        {
            logger.LogWarning("Redis unavailable for delivery markers: {Error}", e.Message);
            return false;
        }
    }

    public async Task MarkSentAsync(Guid messageId)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(messageId), "1", Keep);
        }
        catch (RedisException e)
        {
            logger.LogWarning("Redis unavailable for delivery markers: {Error}", e.Message);
        }
    }

    private static RedisKey Key(Guid messageId) => $"notification:sent:{messageId:N}";
}

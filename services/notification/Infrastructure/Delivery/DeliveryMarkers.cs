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

    /// <summary>Which of these messages already left us, asked in one round trip for a whole dispatch pass.</summary>
    public async Task<IReadOnlySet<Guid>> SentAmongAsync(IReadOnlyList<Guid> messageIds)
    {
        try
        {
            // A batch of EXISTS rather than one MGET: the keys may live on different shards of a cluster, where MGET
            // fails, while a batch still goes out in one write per server.
            var batch = redis.GetDatabase().CreateBatch();
            var checks = messageIds.Select(id => batch.KeyExistsAsync(Key(id))).ToArray();
            batch.Execute();
            await Task.WhenAll(checks);
            return messageIds.Where((_, i) => checks[i].Result).ToHashSet();
        }
        catch (RedisException e)
        {
            logger.LogWarning("Redis unavailable for delivery markers: {Error}", e.Message);
            return new HashSet<Guid>();
        }
    }

    /// <summary>
    /// The command is written out when this is called; callers may send their next message before awaiting it, but
    /// must await it before their transaction records the message as sent.
    /// </summary>
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

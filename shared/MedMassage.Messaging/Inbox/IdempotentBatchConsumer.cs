using MassTransit;
using MedMassage.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Inbox;

/// <summary>
/// Applies a batch of messages at most once each, in one transaction: one statement records which of them are new,
/// their effects share one unit of work and one commit. For busy events this costs a few round trips per batch
/// instead of several per message. If the batch fails, each message is applied again in a transaction of its own,
/// so one bad message cannot hold back the rest; it alone fails the batch, whose retry finds the others done.
/// </summary>
/// <remarks>Registered with <see cref="IdempotentBatchConsumerDefinition{TConsumer}"/> by <c>AddEventConsumer</c>.</remarks>
public abstract class IdempotentBatchConsumer<TContext, TMessage>(TContext db) : IConsumer<Batch<TMessage>>
    where TContext : DbContext
    where TMessage : IntegrationEvent
{
    /// <summary>The context the effects are applied through.</summary>
    protected TContext Db => db;

    /// <summary>The name the processed-message rows are kept under; the same as the one-at-a-time consumer's.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var ct = context.CancellationToken;
        // A redelivered copy can share a batch with the original; the first copy stands for both.
        var messages = context.Message.Select(m => m.Message).DistinctBy(m => m.EventId).ToList();
        try
        {
            await ApplyAsync(messages, ct);
        }
        catch (Exception) when (messages.Count > 1 && !ct.IsCancellationRequested)
        {
            Exception? first = null;
            foreach (var message in messages)
            {
                try
                {
                    await ApplyAsync([message], ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    first ??= e;
                }
            }
            if (first is not null)
            {
                throw new AggregateException("A message of the batch could not be applied", first);
            }
        }
    }

    private Task ApplyAsync(IReadOnlyList<TMessage> messages, CancellationToken ct) =>
        AppliedOnce.ApplyAsync(db, ConsumerName, messages, fresh => HandleAsync(fresh, ct), ct);

    /// <summary>
    /// Applies the effects of messages not applied before, in the order they arrived; do not call SaveChanges, the
    /// base class commits. Load what the batch needs in few queries, then apply each message.
    /// </summary>
    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, CancellationToken ct);
}

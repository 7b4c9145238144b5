using MassTransit;
using MedMassage.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Inbox;

/// <summary>
/// Applies a message's effect at most once per consumer. The processed-message row and the effect are written in one
/// transaction: a redelivered or duplicated message finds the row and does nothing, and a failure rolls both back
/// so the retry starts clean. Events the handler adds to the outbox commit in the same transaction.
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(TContext db) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : IntegrationEvent
{
    /// <summary>The context the effect is applied through (derived consumers use this rather than capturing their own).</summary>
    protected TContext Db => db;

    /// <summary>The name the processed-message rows are kept under; stable across renames of the class.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        var messageId = context.Message.EventId;

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var firstTime = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO processed_messages (consumer, message_id) VALUES ({ConsumerName}, {messageId}) ON CONFLICT DO NOTHING",
            ct);
        if (firstTime == 0)
        {
            return; // already applied; the transaction rolls back on dispose
        }

        await HandleAsync(context.Message, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Applies the effect through the context; do not call SaveChanges, the base class commits.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);
}

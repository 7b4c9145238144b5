using MassTransit;
using MedMassage.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Inbox;

/// <summary>
/// Applies a message's effect at most once per consumer (<see cref="AppliedOnce"/>): the processed-message row and
/// the effect are written in one transaction. Events the handler adds to the outbox commit in the same transaction.
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
        await AppliedOnce.ApplyAsync(db, ConsumerName, [context.Message], fresh => HandleAsync(fresh[0], context.CancellationToken), context.CancellationToken);
        await AfterCommitAsync(context.CancellationToken);
    }

    /// <summary>Applies the effect through the context; do not call SaveChanges, the base class commits.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);

    /// <summary>Work that must only follow a committed effect (cache invalidation); runs after a repeat too, harmlessly.</summary>
    protected virtual Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;
}

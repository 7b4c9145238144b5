using MedMassage.Contracts;

namespace MedMassage.Messaging.Outbox;

/// <summary>
/// Records integration events in the current unit of work. They are stored by the caller's own
/// <c>SaveChangesAsync</c>, in the same transaction as the state change, and published afterwards.
/// </summary>
public interface IIntegrationEventOutbox
{
    void Add(IntegrationEvent integrationEvent);

    /// <summary>Records an event for a request other than the current one (work done in batches): its trace continues.</summary>
    void Add(IntegrationEvent integrationEvent, string? traceParent);
}

internal sealed class IntegrationEventOutbox<TContext>(TContext db) : IIntegrationEventOutbox
    where TContext : Microsoft.EntityFrameworkCore.DbContext
{
    public void Add(IntegrationEvent integrationEvent) => db.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent));

    public void Add(IntegrationEvent integrationEvent, string? traceParent) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent, traceParent));
}

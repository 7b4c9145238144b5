using MassTransit;

namespace MedMassage.Contracts;

/// <summary>
/// Base of every event one service tells the others about. Events are facts in the past tense;
/// they evolve only by adding optional fields, never by changing what an existing field means.
/// </summary>
[ExcludeFromTopology]
public abstract record IntegrationEvent
{
    /// <summary>Unique per event; the message id on the wire and the key consumers deduplicate on.</summary>
    public Guid EventId { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}

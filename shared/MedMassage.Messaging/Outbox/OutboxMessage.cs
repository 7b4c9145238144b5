using System.Diagnostics;
using System.Text.Json;
using MedMassage.Contracts;

namespace MedMassage.Messaging.Outbox;

/// <summary>An integration event waiting in the service's own database to be published.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The trace the event was recorded in (W3C traceparent), continued when it is published.</summary>
    public string? TraceParent { get; private set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent) => From(integrationEvent, CurrentTraceParent());

    public static OutboxMessage From(IntegrationEvent integrationEvent, string? traceParent) => new()
    {
        EventId = integrationEvent.EventId,
        EventType = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), JsonSerializerOptions.Web),
        OccurredAt = integrationEvent.OccurredAt,
        TraceParent = traceParent,
    };

    /// <summary>The current activity as a W3C traceparent, if there is one.</summary>
    public static string? CurrentTraceParent() => Activity.Current?.IdFormat == ActivityIdFormat.W3C ? Activity.Current.Id : null;

    public IntegrationEvent ToEvent() =>
        (IntegrationEvent)JsonSerializer.Deserialize(Payload, EventTypes.Resolve(EventType), JsonSerializerOptions.Web)!;
}

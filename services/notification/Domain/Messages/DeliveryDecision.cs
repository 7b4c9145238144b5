namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>What to do with a due message right now.</summary>
public abstract record DeliveryDecision
{
    public sealed record Send : DeliveryDecision;

    public sealed record Suppress(string Reason) : DeliveryDecision;

    public sealed record Defer(DateTimeOffset Until, string Reason) : DeliveryDecision;
}

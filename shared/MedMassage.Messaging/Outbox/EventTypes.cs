using System.Collections.Frozen;
using MedMassage.Contracts;

namespace MedMassage.Messaging.Outbox;

/// <summary>Every integration event type, by full name, so stored events can be read back.</summary>
internal static class EventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(IntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(IntegrationEvent)))
        .ToFrozenDictionary(t => t.FullName!);

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown integration event type {name}.");
}

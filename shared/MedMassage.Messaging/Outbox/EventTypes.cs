using System.Collections.Concurrent;
using MedMassage.Contracts;

namespace MedMassage.Messaging.Outbox;

/// <summary>Integration event types by full name, so stored events can be read back.</summary>
internal static class EventTypes
{
    private static readonly ConcurrentDictionary<string, Type> ByName = new(
        typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(IsEvent)
            .ToDictionary(t => t.FullName!, t => t));

    public static Type Resolve(string name) => ByName.GetOrAdd(name, Find);

    // Events defined outside the contracts assembly (a service's own, or a test's) are found among loaded assemblies.
    private static Type Find(string name) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is not null && IsEvent(t))
        ?? throw new InvalidOperationException($"Unknown integration event type {name}.");

    private static bool IsEvent(Type t) => t is { IsAbstract: false } && t.IsSubclassOf(typeof(IntegrationEvent));
}

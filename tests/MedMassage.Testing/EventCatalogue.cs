using System.Reflection;
using MassTransit;
using MedMassage.Contracts;
using MedMassage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Testing;

/// <summary>One row of docs/events.md: an event, the service that publishes it, those that consume it, and why.</summary>
public sealed record CatalogueEntry(string Event, string Publisher, IReadOnlyList<string> Consumers, string Purpose);

/// <summary>Reads the event catalogue (docs/events.md) and what the code really publishes and consumes, to compare them.</summary>
public static class EventCatalogue
{
    public static string RepositoryRoot => Repository.Root;

    public static IReadOnlyList<CatalogueEntry> Load() =>
        [.. File.ReadLines(Path.Combine(RepositoryRoot, "docs", "events.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => new CatalogueEntry(cells[1].Trim('`'), cells[2],
                [.. cells[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order()], cells[4]))];

    /// <summary>The events the catalogue says <paramref name="service"/> consumes, by name, sorted.</summary>
    public static IReadOnlyList<string> ConsumedBy(string service) =>
        [.. Load().Where(e => e.Consumers.Contains(service)).Select(e => e.Event).Order(StringComparer.Ordinal)];

    /// <summary>The events a service subscribes to (its <c>AddEventSubscriptions</c>), single or batched, by name, sorted.</summary>
    public static IReadOnlyList<string> ConsumedIn(Action<IBusRegistrationConfigurator> subscriptions) =>
        [.. SubscribedConsumers(subscriptions)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GenericTypeArguments[0])
            .Select(m => m.IsGenericType && m.GetGenericTypeDefinition() == typeof(Batch<>) ? m.GenericTypeArguments[0] : m)
            .Where(m => typeof(IntegrationEvent).IsAssignableFrom(m))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The consumers a list of subscriptions registers with the bus, as MassTransit itself records them.</summary>
    public static IReadOnlyList<Type> SubscribedConsumers(Action<IBusRegistrationConfigurator> subscriptions)
    {
        var services = new ServiceCollection();
        services.AddMassTransit(subscriptions);
        return [.. services.Select(d => d.ServiceType).Where(IsConsumer).Distinct()];
    }

    /// <summary>Every event handler a service's code defines, whether it subscribes it or not.</summary>
    public static IReadOnlyList<Type> ConsumersIn(Assembly service) => [.. service.GetTypes().Where(IsConsumer)];

    private static bool IsConsumer(Type t) =>
        t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IConsumer).IsAssignableFrom(t);

    /// <summary>Every integration event the contracts define, by name, sorted.</summary>
    public static IReadOnlyList<string> Defined() =>
        [.. typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IntegrationEvent).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)];
}

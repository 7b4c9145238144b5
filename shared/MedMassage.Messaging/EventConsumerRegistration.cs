using System.Reflection;
using MassTransit;
using MedMassage.Messaging.Inbox;

namespace MedMassage.Messaging;

public static class EventConsumerRegistration
{
    /// <summary>
    /// Registers every consumer in <paramref name="assembly"/>; batch consumers (<see cref="IConsumer{T}"/> of
    /// <see cref="Batch{T}"/>) get their batch limits from <see cref="IdempotentBatchConsumerDefinition{TConsumer}"/>.
    /// </summary>
    public static void AddEventConsumers(this IBusRegistrationConfigurator bus, Assembly assembly)
    {
        var consumers = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IConsumer).IsAssignableFrom(t));
        foreach (var consumer in consumers)
        {
            var batched = consumer.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
                && i.GenericTypeArguments[0] is { IsGenericType: true } m && m.GetGenericTypeDefinition() == typeof(Batch<>));
            if (batched)
            {
                bus.AddConsumer(consumer, typeof(IdempotentBatchConsumerDefinition<>).MakeGenericType(consumer));
            }
            else
            {
                bus.AddConsumer(consumer);
            }
        }
    }
}

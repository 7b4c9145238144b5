using MassTransit;
using MedMassage.Messaging.Inbox;

namespace MedMassage.Messaging;

public static class EventConsumerRegistration
{
    /// <summary>
    /// Subscribes <typeparamref name="TConsumer"/> to the event it handles. A batch consumer (<see cref="IConsumer{T}"/> of
    /// <see cref="Batch{T}"/>) gets its batch limits from <see cref="IdempotentBatchConsumerDefinition{TConsumer}"/>.
    /// </summary>
    public static IBusRegistrationConfigurator AddEventConsumer<TConsumer>(this IBusRegistrationConfigurator bus) where TConsumer : class, IConsumer
    {
        var batched = typeof(TConsumer).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
            && i.GenericTypeArguments[0] is { IsGenericType: true } m && m.GetGenericTypeDefinition() == typeof(Batch<>));
        if (batched)
        {
            bus.AddConsumer(typeof(TConsumer), typeof(IdempotentBatchConsumerDefinition<>).MakeGenericType(typeof(TConsumer)));
        }
        else
        {
            bus.AddConsumer<TConsumer>();
        }
        return bus;
    }
}

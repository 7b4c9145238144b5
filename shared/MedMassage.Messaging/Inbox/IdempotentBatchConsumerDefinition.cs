using MassTransit;

namespace MedMassage.Messaging.Inbox;

/// <summary>
/// How a batch consumer collects: up to <see cref="MessageLimit"/> messages, or what arrived within
/// <see cref="TimeLimit"/> of the first. One batch at a time per service instance keeps the effects of one event
/// type in arrival order, as a one-at-a-time consumer would apply them.
/// </summary>
public sealed class IdempotentBatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int MessageLimit = 100;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(20);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeLimit)
            .SetConcurrencyLimit(1));
}

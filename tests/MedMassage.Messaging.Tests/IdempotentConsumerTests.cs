using MedMassage.Messaging.Tests.Ledger;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class IdempotentConsumerTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_redelivered_message_applies_its_effect_once()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var payment = new PaymentReceived(Guid.NewGuid(), 42);

        // The same message five times, concurrently, as redelivery after a lost ack or a republished outbox row would.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => service.PublishDirectlyAsync(payment)));

        await Eventually.WaitAsync(() => service.LedgerCountAsync(payment.PaymentId), n => n >= 1, what: "payment booked");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await service.LedgerCountAsync(payment.PaymentId));
        Assert.Equal(1, await service.QueryAsync(db => db.Set<Inbox.ProcessedMessage>().CountAsync(m => m.MessageId == payment.EventId)));
    }

    [Fact]
    public async Task A_failed_attempt_leaves_no_effect_and_the_retry_applies_it_once()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var payment = new PaymentReceived(Guid.NewGuid(), 7, FailOnce: true);

        await service.PublishDirectlyAsync(payment);

        await Eventually.WaitAsync(() => service.LedgerCountAsync(payment.PaymentId), n => n >= 1, what: "payment booked after retry");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await service.LedgerCountAsync(payment.PaymentId));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_error_queue_without_effect()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var payment = new PaymentReceived(Guid.NewGuid(), 13, AlwaysFail: true);
        await using var errors = await ErrorQueueWatcher<PaymentReceived>.StartAsync(
            infrastructure.EventBusConnectionString, $"{service.QueueName}_error", m => m.EventId == payment.EventId);

        await service.PublishDirectlyAsync(payment);

        var faulted = await errors.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(payment.PaymentId, faulted.PaymentId);
        Assert.Equal(0, await service.LedgerCountAsync(payment.PaymentId));
    }
}

using MedMassage.Messaging.Inbox;
using MedMassage.Messaging.Tests.Ledger;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class IdempotentBatchConsumerTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Events_arriving_together_are_applied_in_shared_transactions()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var refunds = Enumerable.Range(1, 100).Select(i => new RefundIssued(Guid.NewGuid(), i)).ToList();

        await Task.WhenAll(refunds.Select(service.PublishDirectlyAsync));

        var ids = refunds.Select(r => r.EventId).ToList();
        await Eventually.WaitAsync(() => ProcessedCountAsync(service, ids), n => n == refunds.Count, what: "every refund booked");
        // processed_at is the transaction's start time: one value per transaction that applied refunds.
        var transactions = await service.QueryAsync(db => db.Set<ProcessedMessage>()
            .Where(m => ids.Contains(m.MessageId)).Select(m => m.ProcessedAt).Distinct().CountAsync());
        Assert.InRange(transactions, 1, 20);
        foreach (var refund in refunds)
        {
            Assert.Equal(1, await service.LedgerCountAsync(refund.PaymentId));
        }
    }

    [Fact]
    public async Task Copies_of_an_event_in_one_batch_or_later_apply_it_once()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var refunds = Enumerable.Range(1, 20).Select(i => new RefundIssued(Guid.NewGuid(), i)).ToList();

        // Three copies of each at once, as a redelivery after a lost ack or a republished outbox row would send them.
        await Task.WhenAll(refunds.SelectMany(r => new[] { r, r, r }).Select(service.PublishDirectlyAsync));
        var ids = refunds.Select(r => r.EventId).ToList();
        await Eventually.WaitAsync(() => ProcessedCountAsync(service, ids), n => n == refunds.Count, what: "every refund booked");
        await service.PublishDirectlyAsync(refunds[0]);
        await Task.Delay(TimeSpan.FromSeconds(1));

        foreach (var refund in refunds)
        {
            Assert.Equal(1, await service.LedgerCountAsync(refund.PaymentId));
        }
    }

    [Fact]
    public async Task A_failing_event_does_not_hold_back_the_rest_of_its_batch()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var poison = new RefundIssued(Guid.NewGuid(), 13, AlwaysFail: true);
        var healthy = Enumerable.Range(1, 30).Select(i => new RefundIssued(Guid.NewGuid(), i)).ToList();
        await using var errors = await ErrorQueueWatcher<RefundIssued>.StartAsync(
            infrastructure.EventBusConnectionString, $"{service.RefundQueueName}_error", m => m.EventId == poison.EventId);

        await Task.WhenAll(healthy.Prepend(poison).Select(service.PublishDirectlyAsync));

        var ids = healthy.Select(r => r.EventId).ToList();
        await Eventually.WaitAsync(() => ProcessedCountAsync(service, ids), n => n == healthy.Count, what: "the healthy refunds booked");
        await errors.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await service.LedgerCountAsync(poison.PaymentId));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<ProcessedMessage>().CountAsync(m => m.MessageId == poison.EventId)));
        foreach (var refund in healthy)
        {
            Assert.Equal(1, await service.LedgerCountAsync(refund.PaymentId));
        }
    }

    private static Task<int> ProcessedCountAsync(LedgerService service, List<Guid> ids) =>
        service.QueryAsync(db => db.Set<ProcessedMessage>().CountAsync(m => ids.Contains(m.MessageId)));
}

using MedMassage.Messaging.Tests.Ledger;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class OutboxTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Events_recorded_while_the_broker_is_down_are_delivered_exactly_once_when_it_returns()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var rabbit = infrastructure.RabbitMq;
        var payments = Enumerable.Range(1, 20).Select(i => new PaymentReceived(Guid.NewGuid(), i)).ToList();

        // Make sure the consumer's queue exists before the outage, as it would in production.
        await service.RecordPaymentAsync(payments[0]);
        await Eventually.WaitAsync(() => service.LedgerCountAsync(payments[0].PaymentId), n => n == 1, what: "first payment booked");

        await rabbit.StopAsync();
        foreach (var payment in payments.Skip(1))
        {
            await service.RecordPaymentAsync(payment);
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // give the relay a few failed attempts
        Assert.Equal(19, await service.PendingOutboxCountAsync());

        await rabbit.StartAsync(CancellationToken.None);

        await Eventually.WaitAsync(service.PendingOutboxCountAsync, n => n == 0, TimeSpan.FromSeconds(90), "outbox drained");
        await Eventually.WaitAsync(
            () => service.QueryAsync(db => db.LedgerEntries.CountAsync()), n => n >= 20, TimeSpan.FromSeconds(60), "all payments booked");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would show up by now
        foreach (var payment in payments)
        {
            Assert.Equal(1, await service.LedgerCountAsync(payment.PaymentId));
        }
        Assert.Equal(20, await service.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task A_state_change_and_its_event_are_stored_together_or_not_at_all()
    {
        await using var service = await LedgerService.StartAsync(infrastructure);
        var payment = new PaymentReceived(Guid.NewGuid(), 10);
        await service.RecordPaymentAsync(payment);

        // The same payment again violates the primary key: neither the row nor its event may be stored.
        var duplicate = payment with { EventId = Guid.NewGuid() };
        await Assert.ThrowsAsync<DbUpdateException>(() => service.RecordPaymentAsync(duplicate));

        var events = await service.QueryAsync(db => db.Set<Outbox.OutboxMessage>().Select(m => m.EventId).ToListAsync());
        Assert.Contains(payment.EventId, events);
        Assert.DoesNotContain(duplicate.EventId, events);
    }
}

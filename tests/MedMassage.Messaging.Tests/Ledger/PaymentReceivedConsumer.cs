using System.Collections.Concurrent;
using MedMassage.Messaging.Inbox;

namespace MedMassage.Messaging.Tests.Ledger;

public sealed class PaymentReceivedConsumer(LedgerDbContext db) : IdempotentConsumer<LedgerDbContext, PaymentReceived>(db)
{
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    protected override Task HandleAsync(PaymentReceived message, CancellationToken ct)
    {
        Db.LedgerEntries.Add(new LedgerEntry { PaymentId = message.PaymentId, Amount = message.Amount });
        var attempt = Attempts.AddOrUpdate(message.EventId, 1, (_, n) => n + 1);
        // The effect above is already tracked: failing now proves it is rolled back with the processed-message row.
        if (message.AlwaysFail || (message.FailOnce && attempt == 1))
        {
            throw new InvalidOperationException($"Simulated failure on attempt {attempt}");
        }
        return Task.CompletedTask;
    }
}

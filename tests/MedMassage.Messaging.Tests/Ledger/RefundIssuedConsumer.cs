using MedMassage.Messaging.Inbox;

namespace MedMassage.Messaging.Tests.Ledger;

public sealed class RefundIssuedConsumer(LedgerDbContext db) : IdempotentBatchConsumer<LedgerDbContext, RefundIssued>(db)
{
    protected override Task HandleAsync(IReadOnlyList<RefundIssued> messages, CancellationToken ct)
    {
        foreach (var refund in messages)
        {
            Db.LedgerEntries.Add(new LedgerEntry { PaymentId = refund.PaymentId, Amount = -refund.Amount });
            // Failing after the effect is tracked proves the effect is rolled back with the processed-message row.
            if (refund.AlwaysFail)
            {
                throw new InvalidOperationException($"Simulated failure for refund {refund.PaymentId}");
            }
        }
        return Task.CompletedTask;
    }
}

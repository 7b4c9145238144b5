using System.Collections.Concurrent;
using System.Diagnostics;
using MedMassage.Messaging.Inbox;

namespace MedMassage.Messaging.Tests.Ledger;

public sealed class PaymentReceivedConsumer(LedgerDbContext db) : IdempotentConsumer<LedgerDbContext, PaymentReceived>(db)
{
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    /// <summary>The trace each payment was booked in, as the consumer saw it.</summary>
    public static ConcurrentDictionary<Guid, ActivityTraceId> TraceOf { get; } = new();

    protected override Task HandleAsync(PaymentReceived message, CancellationToken ct)
    {
        Db.LedgerEntries.Add(new LedgerEntry { PaymentId = message.PaymentId, Amount = message.Amount });
        if (Activity.Current is { } activity)
        {
            TraceOf[message.PaymentId] = activity.TraceId;
        }
        var attempt = Attempts.AddOrUpdate(message.EventId, 1, (_, n) => n + 1);
        // The effect above is already tracked: failing now proves it is rolled back with the processed-message row.
        if (message.AlwaysFail || (message.FailOnce && attempt == 1))
        {
            throw new InvalidOperationException($"Simulated failure on attempt {attempt}");
        }
        return Task.CompletedTask;
    }
}

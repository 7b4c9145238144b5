using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>Wakes the dispatcher after every commit: a commit may have queued a message due now.</summary>
internal sealed class DispatchSignalInterceptor(DispatchSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}

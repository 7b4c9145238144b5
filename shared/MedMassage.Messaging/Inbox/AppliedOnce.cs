using MedMassage.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Inbox;

/// <summary>
/// The at-most-once rule of every consumer: one statement records which messages are new in
/// <c>processed_messages</c>, and only those are applied, in the same transaction as that record. A redelivered
/// message finds its row and does nothing; a failure rolls both back, so the retry starts clean.
/// </summary>
internal static class AppliedOnce
{
    public static async Task ApplyAsync<TContext, TMessage>(TContext db, string consumer, IReadOnlyList<TMessage> messages,
        Func<IReadOnlyList<TMessage>, Task> apply, CancellationToken ct)
        where TContext : DbContext
        where TMessage : IntegrationEvent
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = messages.Select(m => m.EventId).ToArray();
        var fresh = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO processed_messages (consumer, message_id)
            SELECT {consumer}, id FROM unnest({ids}) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id AS "Value"
            """).ToListAsync(ct);
        if (fresh.Count == 0)
        {
            return; // all applied before; the transaction rolls back on dispose
        }

        var isFresh = fresh.ToHashSet();
        await apply([.. messages.Where(m => isFresh.Contains(m.EventId))]);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

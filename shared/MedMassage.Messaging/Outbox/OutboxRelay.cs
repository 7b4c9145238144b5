using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedMassage.Messaging.Outbox;

/// <summary>
/// Publishes stored integration events and marks them sent. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several replicas share the work without publishing one event twice
/// in the normal case; a crash between publish and commit republishes, which idempotent consumers absorb.
/// A broker outage leaves rows pending with a growing back-off; nothing is lost.
/// </summary>
internal sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly ActivitySource Source = new("MedMassage.Outbox");
    private static readonly Meter Meter = new("MedMassage.Outbox");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("medmassage.outbox.published");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("medmassage.outbox.publish_failures");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox relay pass failed; retrying");
                published = 0;
            }

            if (published < BatchSize)
            {
                try { await signal.WaitAsync(PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IBus>();
        var now = time.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY sequence LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Confirmed publishes take about 2 ms each; sending the batch concurrently keeps throughput up.
        var results = await Task.WhenAll(batch.Select(m => TryPublishAsync(bus, m, ct)));
        var sentSequences = batch.Zip(results).Where(r => r.Second is null).Select(r => r.First.Sequence).ToArray();
        foreach (var (message, error) in batch.Zip(results).Where(r => r.Second is not null))
        {
            message.Attempts++;
            message.LastError = error;
            message.NextAttemptAt = time.GetUtcNow() + Backoff(message.Attempts);
        }

        // The published rows are marked in one statement rather than one UPDATE each; only failures go row by row.
        if (sentSequences.Length > 0)
        {
            await db.Set<OutboxMessage>().Where(m => sentSequences.Contains(m.Sequence))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, time.GetUtcNow()), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var sent = sentSequences.Length;
        Published.Add(sent);
        Failed.Add(batch.Count - sent);
        return sent;
    }

    private async Task<string?> TryPublishAsync(IBus bus, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var integrationEvent = message.ToEvent();
            // Continue the trace of the request that recorded the event: gateway → service → publish → consumers.
            ActivityContext.TryParse(message.TraceParent, null, out var parent);
            using var activity = Source.StartActivity($"outbox publish {integrationEvent.GetType().Name}", ActivityKind.Producer, parent);
            activity?.SetTag("messaging.message.id", message.EventId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await bus.Publish(integrationEvent, integrationEvent.GetType(), c => c.MessageId = message.EventId, timeout.Token);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Publishing {EventType} {EventId} failed: {Error}", message.EventType, message.EventId, e.Message);
            return e.Message;
        }
    }

    // 1 s, 2 s, 4 s … capped at one minute.
    internal static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempts - 1, 6))));
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MedMassage.Messaging.Monitoring;

/// <summary>
/// Reads each watched queue's depth and consumer count from RabbitMQ over a connection of its own (a passive
/// declare: exact, unlike the management API's sampled figures) every <see cref="QueueDepthOptions.Interval"/>.
/// A queue not created yet (an error queue nothing failed into) counts as empty. A broker that is down is tried
/// again on the next round: monitoring never stops or slows the service.
/// </summary>
internal sealed class QueueDepthPoller(QueueDepths depths, QueueDepthOptions options, TimeProvider clock, ILogger<QueueDepthPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        IConnection? connection = null;
        try
        {
            do
            {
                try
                {
                    connection ??= await new ConnectionFactory { Uri = options.EventBus, ClientProvidedName = "queue-depths" }
                        .CreateConnectionAsync(stoppingToken);
                    await ReadAsync(connection, stoppingToken);
                }
                catch (Exception e) when (e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
                {
                    logger.LogDebug(e, "Queue depths not read: the broker did not answer");
                    connection?.Dispose();
                    connection = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private async Task ReadAsync(IConnection connection, CancellationToken ct)
    {
        foreach (var queue in depths.Queues)
        {
            // A passive declare of a missing queue closes its channel, so each queue gets a channel of its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
                if (depths.Record(queue, declared.MessageCount, declared.ConsumerCount))
                {
                    // The alert ops see in the dashboard's structured logs (and the service turns Degraded).
                    logger.LogError("{Queue} now holds {Count} message(s) that exhausted their retries: fix the cause, then move them back",
                        queue, declared.MessageCount);
                }
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                depths.Record(queue, 0, 0);
            }
        }
    }
}

public sealed class QueueDepthOptions
{
    public required Uri EventBus { get; init; }

    /// <summary>How often the broker is asked; the dashboard's charts refresh about as often.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);
}

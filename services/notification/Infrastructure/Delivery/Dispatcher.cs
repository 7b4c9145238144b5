using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// The scheduler: sends every queued message whose time has come. Due rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> so replicas share the work without taking the same message, and because the
/// queue lives in the database, reminders survive restarts. "Now" comes from <see cref="TimeProvider"/>;
/// polling itself runs on the wall clock so a frozen test clock cannot stall it.
/// </summary>
internal sealed class Dispatcher(
    IServiceScopeFactory scopes,
    DispatchSignal signal,
    IOptions<NotificationOptions> options,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private static readonly Meter Meter = new("MedMassage.Notifications");
    private static readonly Counter<long> Dispatched = Meter.CreateCounter<long>("medmassage.notifications.dispatched");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                handled = await scope.ServiceProvider.GetRequiredService<DueMessages>().DispatchAsync(options.Value.BatchSize, stoppingToken);
                Dispatched.Add(handled);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Dispatch pass failed; retrying");
                handled = 0;
            }

            if (handled < options.Value.BatchSize)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

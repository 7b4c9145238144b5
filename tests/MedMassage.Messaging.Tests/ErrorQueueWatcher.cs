using MassTransit;

namespace MedMassage.Messaging.Tests;

/// <summary>Reads a consumer's <c>_error</c> queue and completes when the awaited message lands there.</summary>
public sealed class ErrorQueueWatcher<TMessage> : IAsyncDisposable where TMessage : class
{
    private readonly IBusControl _bus;
    private readonly TaskCompletionSource<TMessage> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ErrorQueueWatcher(string connectionString, string errorQueue, Func<TMessage, bool> awaited)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(connectionString));
            cfg.ReceiveEndpoint(errorQueue, e =>
            {
                e.ConfigureConsumeTopology = false;
                e.Handler<TMessage>(c =>
                {
                    if (awaited(c.Message))
                    {
                        _arrived.TrySetResult(c.Message);
                    }
                    return Task.CompletedTask;
                });
            });
        });
    }

    public Task<TMessage> Arrived => _arrived.Task;

    public static async Task<ErrorQueueWatcher<TMessage>> StartAsync(string connectionString, string errorQueue, Func<TMessage, bool> awaited)
    {
        var watcher = new ErrorQueueWatcher<TMessage>(connectionString, errorQueue, awaited);
        await watcher._bus.StartAsync();
        return watcher;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}

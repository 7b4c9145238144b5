using System.Collections.Concurrent;
using MassTransit;
using MedMassage.Contracts;

namespace MedMassage.Testing;

/// <summary>
/// A separate bus on the real broker that records integration events the services publish, and publishes events
/// as another service would. Each probe has its own queue, so it sees every event without stealing the services'.
/// </summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<IntegrationEvent> _received = new();
    private readonly IBusControl _bus;

    private EventProbe(string connectionString, IReadOnlyList<Type> eventTypes)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(connectionString));
            cfg.ReceiveEndpoint($"test-probe-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                foreach (var type in eventTypes)
                {
                    typeof(EventProbe).GetMethod(nameof(Record), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                        .MakeGenericMethod(type).Invoke(this, [e]);
                }
            });
        });
    }

    public IReadOnlyCollection<IntegrationEvent> Received => _received;

    public static async Task<EventProbe> StartAsync(string connectionString, params Type[] eventTypes)
    {
        var probe = new EventProbe(connectionString, eventTypes);
        await probe._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return probe;
    }

    /// <summary>Publishes an event as its owning service would (message id = event id).</summary>
    public Task PublishAsync<T>(T integrationEvent) where T : IntegrationEvent =>
        _bus.Publish(integrationEvent, c => c.MessageId = integrationEvent.EventId);

    /// <summary>Waits for an event matching <paramref name="match"/>; fails the test with what did arrive if it never comes.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : IntegrationEvent
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = _received.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {typeof(T).Name} arrived. Received: {string.Join(", ", _received.Select(e => e.GetType().Name))}");
    }

    /// <summary>How many events of type <typeparamref name="T"/> matching arrived (for exactly-once checks after a quiet period).</summary>
    public int Count<T>(Func<T, bool>? match = null) where T : IntegrationEvent =>
        _received.OfType<T>().Count(e => match?.Invoke(e) ?? true);

    private void Record<T>(IRabbitMqReceiveEndpointConfigurator endpoint) where T : IntegrationEvent =>
        endpoint.Handler<T>(context =>
        {
            _received.Enqueue(context.Message);
            return Task.CompletedTask;
        });

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}

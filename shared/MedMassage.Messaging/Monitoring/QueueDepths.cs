using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MedMassage.Messaging.Monitoring;

/// <summary>
/// The depth (ready messages) and consumer count of each of the service's queues and their <c>_error</c> queues, as
/// OpenTelemetry gauges ops chart in the dashboard: a queue that grows, a queue nobody consumes, an error queue
/// that fills. The queues are learnt from MassTransit as its receive endpoints start; <see cref="QueueDepthPoller"/>
/// reads the figures from the broker.
/// </summary>
public sealed class QueueDepths : IReceiveEndpointObserver, IDisposable
{
    public const string MeterName = "MedMassage.Messaging";
    public const string ErrorSuffix = "_error";

    private readonly ConcurrentDictionary<string, (uint Messages, uint Consumers)> _latest = new(StringComparer.Ordinal);
    private readonly Meter _meter = new(MeterName);

    public QueueDepths()
    {
        _meter.CreateObservableGauge("medmassage.messaging.queue.messages", () => Measure(q => q.Messages), "{message}",
            "Messages ready in the queue, waiting for a consumer.");
        _meter.CreateObservableGauge("medmassage.messaging.queue.consumers", () => Measure(q => q.Consumers), "{consumer}",
            "Consumers attached to the queue.");
    }

    /// <summary>Every queue to watch: the receive queues and their error queues.</summary>
    public IReadOnlyCollection<string> Queues => [.. _latest.Keys];

    /// <summary>Records a reading; true when an error queue holds more messages than at the last one (a new failure).</summary>
    public bool Record(string queue, uint messages, uint consumers)
    {
        var before = _latest.TryGetValue(queue, out var last) ? last.Messages : 0;
        _latest[queue] = (messages, consumers);
        return queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) && messages > before;
    }

    /// <summary>The error queues as last read.</summary>
    public IEnumerable<(string Queue, uint Messages)> ErrorQueues() =>
        _latest.Where(q => q.Key.EndsWith(ErrorSuffix, StringComparison.Ordinal)).Select(q => (q.Key, q.Value.Messages));

    public Task Ready(ReceiveEndpointReady ready)
    {
        var queue = ready.InputAddress.Segments[^1];
        _latest.TryAdd(queue, (0, 0));
        _latest.TryAdd(queue + ErrorSuffix, (0, 0));
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Measure(Func<(uint Messages, uint Consumers), uint> figure) =>
        _latest.Select(q => new Measurement<long>(figure(q.Value),
            new KeyValuePair<string, object?>("messaging.destination.name", q.Key),
            new KeyValuePair<string, object?>("medmassage.queue.kind", q.Key.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? "error" : "receive")));
}

public static class QueueDepthRegistration
{
    /// <summary>Watches the service's queues (setting <c>Messaging:QueueDepthInterval</c>, 10 s by default).</summary>
    public static IHostApplicationBuilder AddQueueDepths(this IHostApplicationBuilder builder, Uri eventBus)
    {
        builder.Services.AddSingleton<QueueDepths>();
        builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<QueueDepths>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new QueueDepthOptions
        {
            EventBus = eventBus,
            Interval = builder.Configuration.GetValue("Messaging:QueueDepthInterval", TimeSpan.FromSeconds(10)),
        });
        builder.Services.AddHostedService<QueueDepthPoller>();
        builder.Services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queues", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}

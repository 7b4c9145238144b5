using System.Diagnostics.Metrics;
using System.Text;
using MedMassage.Messaging.Monitoring;
using MedMassage.Testing;
using RabbitMQ.Client;

namespace MedMassage.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class QueueDepthTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Each_receive_queue_reports_its_consumers_and_its_error_queue_reports_the_messages_that_failed()
    {
        await using var service = await LedgerService.StartAsync(infrastructure,
            new Dictionary<string, string?> { ["Messaging:QueueDepthInterval"] = "00:00:00.300" });
        var errorQueue = service.QueueName + QueueDepths.ErrorSuffix;
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.EventBusConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(errorQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", errorQueue, Encoding.UTF8.GetBytes("failed twice"));
        await channel.BasicPublishAsync("", errorQueue, Encoding.UTF8.GetBytes("failed too"));

        var figures = await Eventually.WaitAsync(() => Task.FromResult(Read()),
            f => f.GetValueOrDefault(("medmassage.messaging.queue.messages", errorQueue, "error")) == 2
                && f.GetValueOrDefault(("medmassage.messaging.queue.consumers", service.QueueName, "receive")) >= 1,
            TimeSpan.FromSeconds(20), "the gauges to report the queues");

        Assert.Equal(0, figures[("medmassage.messaging.queue.consumers", errorQueue, "error")]);
        Assert.Equal(0, figures[("medmassage.messaging.queue.messages", service.QueueName, "receive")]);
        Assert.True(figures.ContainsKey(("medmassage.messaging.queue.consumers", service.RefundQueueName, "receive")));
    }

    /// <summary>The gauges' current values by instrument, queue and kind, as an exporter would collect them.</summary>
    private static Dictionary<(string Instrument, string Queue, string Kind), long> Read()
    {
        var figures = new Dictionary<(string, string, string), long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == QueueDepths.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var all = tags.ToArray();
            string Tag(string name) => all.FirstOrDefault(t => t.Key == name).Value?.ToString() ?? "";
            figures[(instrument.Name, Tag("messaging.destination.name"), Tag("medmassage.queue.kind"))] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return figures;
    }
}

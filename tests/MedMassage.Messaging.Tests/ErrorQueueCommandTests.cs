using System.Text;
using MedMassage.Hosting;
using MedMassage.Testing;
using RabbitMQ.Client;

namespace MedMassage.Messaging.Tests;

/// <summary>The broker's "Move error messages back" command, as ops run it from the dashboard.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ErrorQueueCommandTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Moving_error_messages_back_puts_every_failed_message_on_the_queue_it_failed_on_and_nothing_else()
    {
        var queue = $"ledger-test-{Guid.NewGuid():N}"[..24];
        var untouched = $"ledger-other-{Guid.NewGuid():N}"[..25];
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.EventBusConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in new[] { queue, queue + "_error", untouched })
        {
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        }
        for (var i = 0; i < 3; i++)
        {
            await channel.BasicPublishAsync("", queue + "_error", Encoding.UTF8.GetBytes($"failed {i}"));
        }
        await channel.BasicPublishAsync("", untouched, "not an error queue"u8.ToArray());
        await Eventually.WaitAsync(() => channel.MessageCountAsync(queue + "_error"), n => n == 3, what: "three failed messages");

        var result = await infrastructure.Servers.ResourceCommands.ExecuteCommandAsync("eventbus", ErrorQueues.MoveBackCommand);

        Assert.True(result.Success, result.Message);
        Assert.Contains($"3 from {queue}_error to {queue}", result.Message, StringComparison.Ordinal);
        await Eventually.WaitAsync(() => channel.MessageCountAsync(queue), n => n == 3, TimeSpan.FromSeconds(30), "the messages back on their queue");
        Assert.Equal(0u, await channel.MessageCountAsync(queue + "_error"));
        Assert.Equal(1u, await channel.MessageCountAsync(untouched));
        var first = await channel.BasicGetAsync(queue, autoAck: true);
        Assert.Equal("failed 0", Encoding.UTF8.GetString(first!.Body.Span));
    }
}

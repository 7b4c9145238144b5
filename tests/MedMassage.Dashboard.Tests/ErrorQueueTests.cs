using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MedMassage.AppHost.Dashboard.Queues;
using MedMassage.AppHost.Hosting;
using MedMassage.Hosting;
using MedMassage.Testing;

namespace MedMassage.Dashboard.Tests;

/// <summary>A real RabbitMQ with its management plugin, as the AppHost runs it, shared by the tests of a class.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    // Under the temp folder but readable by the broker's own user (a CreateTempSubdirectory folder is not).
    private readonly string _state = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"medmassage-dashboard-{Guid.NewGuid():N}"[..30])).FullName;

    public ServerResource Broker { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var rabbit = new LocalRabbitMq(_state, withManagement: true);
        Broker = new ServerResource("eventbus", rabbit, null);
        await Broker.StartAsync(CancellationToken.None);
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{rabbit.ManagementPort}/") };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        // The management listener may come up a moment after AMQP.
        await Eventually.WaitAsync(async () =>
        {
            try
            {
                using var overview = await Api.GetAsync("api/overview");
                return overview.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, up => up, TimeSpan.FromSeconds(60), "the management API");
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Broker.StopAsync();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // The broker may hold a file a moment longer; it is under the temp folder.
        }
    }
}

[Collection(RealServersCollection.Name)]
public sealed class ErrorQueueTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private const string Queue = "scheduling-referral-accepted";
    private HttpClient Api => broker.Api;

    [Fact]
    public async Task Failed_messages_are_moved_back_to_their_queue_with_their_headers()
    {
        foreach (var queue in new[] { Queue, Queue + "_error" })
        {
            (await Api.PutAsJsonAsync($"api/queues/%2F/{queue}", new { durable = true })).EnsureSuccessStatusCode();
        }
        foreach (var i in Enumerable.Range(1, 3))
        {
            await PublishAsync(Queue + "_error", $$"""{"referralId":{{i}}}""");
        }
        var management = RabbitMqManagement.For([broker.Broker]);
        var errorQueue = await Eventually.WaitAsync(
            async () => (await management.QueuesAsync(CancellationToken.None)).Single(q => q.Name == Queue + "_error"),
            q => q.Messages == 3, TimeSpan.FromSeconds(30), "the error queue's depth");
        Assert.True(errorQueue.IsErrorQueue);
        Assert.Equal(Queue, errorQueue.SourceQueue);

        var result = await management.MoveBackAsync(errorQueue, limit: 100, CancellationToken.None);

        Assert.Equal(new MoveResult(3, null), result);
        Assert.Empty(await GetAsync(Queue + "_error"));
        var moved = await GetAsync(Queue);
        Assert.Equal(["""{"referralId":1}""", """{"referralId":2}""", """{"referralId":3}"""], moved.Select(m => (string?)m["payload"]));
        Assert.All(moved, m => Assert.Equal("Slot no longer free", (string?)m["properties"]!["headers"]!["MT-Fault-Message"]));
    }

    [Fact]
    public async Task Only_error_queues_can_be_emptied()
    {
        var management = RabbitMqManagement.For([broker.Broker]);

        var result = await management.MoveBackAsync(new QueueInfo(Queue, "/", 5, 5, 0, 1, 0, 0), 10, CancellationToken.None);

        Assert.Equal(0, result.Moved);
        Assert.NotNull(result.Error);
    }

    private async Task PublishAsync(string queue, string payload)
    {
        using var response = await Api.PostAsJsonAsync("api/exchanges/%2F/amq.default/publish", new
        {
            properties = new { content_type = "application/json", headers = new Dictionary<string, string> { ["MT-Fault-Message"] = "Slot no longer free" } },
            routing_key = queue,
            payload,
            payload_encoding = "string",
        });
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<JsonObject>> GetAsync(string queue)
    {
        using var response = await Api.PostAsJsonAsync($"api/queues/%2F/{queue}/get", new { count = 10, ackmode = "ack_requeue_true", encoding = "auto" });
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.OfType<JsonObject>()];
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedMassage.AppHost.Hosting;
using MedMassage.Hosting;

namespace MedMassage.AppHost.Dashboard.Queues;

/// <summary>
/// The broker's management HTTP API (the AppHost's RabbitMQ runs with the management plugin): queue depths, and
/// moving messages from an error queue back to the queue they failed on.
/// </summary>
public sealed class RabbitMqManagement(HttpClient? http)
{
    public bool IsAvailable => http is not null;

    public static RabbitMqManagement For(IEnumerable<Resource> resources)
    {
        var broker = resources.OfType<ServerResource>().Select(s => s.Local).OfType<LocalRabbitMq>().FirstOrDefault(r => r.HasManagement);
        if (broker is null)
        {
            return new RabbitMqManagement(null);
        }
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{broker.ManagementPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return new RabbitMqManagement(http);
    }

    public async Task<IReadOnlyList<QueueInfo>> QueuesAsync(CancellationToken ct)
    {
        var queues = await Client.GetFromJsonAsync<JsonArray>("api/queues", ct) ?? [];
        return [.. queues.OfType<JsonObject>().Select(ToQueue).OrderBy(q => q.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Moves up to <paramref name="limit"/> messages one at a time: taken off the error queue, published to the
    /// original queue through the default exchange; if that publish is refused the message goes back where it was.
    /// </summary>
    public async Task<MoveResult> MoveBackAsync(QueueInfo errorQueue, int limit, CancellationToken ct)
    {
        if (errorQueue.SourceQueue is not { } target)
        {
            return new MoveResult(0, $"{errorQueue.Name} is not an error queue");
        }
        var vhost = Uri.EscapeDataString(errorQueue.VirtualHost);
        var moved = 0;
        while (moved < limit)
        {
            using var get = await Client.PostAsJsonAsync($"api/queues/{vhost}/{Uri.EscapeDataString(errorQueue.Name)}/get",
                new { count = 1, ackmode = "ack_requeue_false", encoding = "base64" }, ct);
            get.EnsureSuccessStatusCode();
            var messages = await get.Content.ReadFromJsonAsync<JsonArray>(ct) ?? [];
            if (messages.FirstOrDefault() is not JsonObject message)
            {
                return new MoveResult(moved, null);
            }
            if (!await PublishAsync(vhost, target, message, ct))
            {
                await PublishAsync(vhost, errorQueue.Name, message, ct);
                return new MoveResult(moved, $"{target} did not accept the message; it was put back on {errorQueue.Name}");
            }
            moved++;
        }
        return new MoveResult(moved, null);
    }

    private async Task<bool> PublishAsync(string vhost, string queue, JsonObject message, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["properties"] = message["properties"]?.DeepClone() ?? new JsonObject(),
            ["routing_key"] = queue,
            ["payload"] = message["payload"]?.DeepClone(),
            ["payload_encoding"] = message["payload_encoding"]?.DeepClone() ?? "base64",
        };
        using var response = await Client.PostAsJsonAsync($"api/exchanges/{vhost}/amq.default/publish", body, ct);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return result?["routed"]?.GetValue<bool>() == true;
    }

    private HttpClient Client => http ?? throw new InvalidOperationException("The broker's management API is not available.");

    private static QueueInfo ToQueue(JsonObject q) => new(
        (string?)q["name"] ?? "",
        (string?)q["vhost"] ?? "/",
        Number(q["messages"]),
        Number(q["messages_ready"]),
        Number(q["messages_unacknowledged"]),
        (int)Number(q["consumers"]),
        Rate(q, "publish_details"),
        Rate(q, "deliver_get_details"));

    // A queue that has not been sampled yet has no counts or rates at all.
    private static long Number(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<long>() : 0;

    private static double Rate(JsonObject queue, string details) =>
        queue["message_stats"]?[details]?["rate"] is JsonNode rate && rate.GetValueKind() == JsonValueKind.Number ? rate.GetValue<double>() : 0;
}

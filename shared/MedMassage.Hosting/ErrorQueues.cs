using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using RabbitMQ.Client;

namespace MedMassage.Hosting;

/// <summary>
/// Ops' commands on the broker in the dashboard. A message that still fails after its retries lands in the consumer's
/// <c>_error</c> queue; once the cause is fixed, ops move the messages back to the queue they failed on. The move is
/// a dynamic shovel inside the broker (the same mechanism as the management UI's "Move messages"): each message is
/// taken off the error queue only after the target queue has it, and the shovel removes itself when done.
/// </summary>
public static class ErrorQueues
{
    public const string MoveBackCommand = "move-error-messages-back";
    private const string Suffix = "_error";

    internal static IResourceBuilder<LocalRabbitMQResource> WithErrorQueueCommands(this IResourceBuilder<LocalRabbitMQResource> builder) =>
        builder.WithCommand(MoveBackCommand, "Move error messages back",
            context => MoveBackAsync(builder.Resource, context.CancellationToken),
            new CommandOptions
            {
                Description = "Moves every message in each *_error queue back to the queue it failed on.",
                ConfirmationMessage = "Move every message in the error queues back to their queues? They will be consumed again.",
                IconName = "ArrowUndo",
                UpdateState = c => c.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });

    public static async Task<ExecuteCommandResult> MoveBackAsync(LocalRabbitMQResource broker, CancellationToken ct)
    {
        using var http = Management(broker);
        var queues = await http.GetFromJsonAsync<JsonArray>("api/queues/%2F?columns=name", ct) ?? [];
        var names = queues.OfType<JsonObject>().Select(q => (string?)q["name"] ?? "").ToHashSet();
        var waiting = new List<(string Name, uint Messages)>();
        // The management API's counts are sampled every few seconds; the broker itself knows them exactly.
        var amqp = new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{broker.Port}/") };
        await using (var connection = await amqp.CreateConnectionAsync(ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            foreach (var name in names.Where(n => n.EndsWith(Suffix, StringComparison.Ordinal) && names.Contains(n[..^Suffix.Length])).Order())
            {
                var messages = await channel.MessageCountAsync(name, ct);
                if (messages > 0)
                {
                    waiting.Add((name, messages));
                }
            }
        }
        if (waiting.Count == 0)
        {
            return CommandResults.Success("No error queue holds a message.");
        }
        foreach (var (name, _) in waiting)
        {
            var shovel = new JsonObject
            {
                ["value"] = new JsonObject
                {
                    ["src-protocol"] = "amqp091", ["src-uri"] = "amqp://", ["src-queue"] = name,
                    ["dest-protocol"] = "amqp091", ["dest-uri"] = "amqp://", ["dest-queue"] = name[..^Suffix.Length],
                    ["src-delete-after"] = "queue-length", ["ack-mode"] = "on-confirm",
                },
            };
            using var response = await http.PutAsJsonAsync($"api/parameters/shovel/%2F/{Uri.EscapeDataString("move-back-" + name)}", shovel, ct);
            if (!response.IsSuccessStatusCode)
            {
                return CommandResults.Failure($"The broker refused to move {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        return CommandResults.Success(string.Join("; ", waiting.Select(q => $"{q.Messages} from {q.Name} to {q.Name[..^Suffix.Length]}")));
    }

    private static HttpClient Management(LocalRabbitMQResource broker)
    {
        var http = new HttpClient { BaseAddress = broker.ManagementUrl, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return http;
    }
}

using MedMassage.AppHost.Dashboard.Queues;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>Queue depths and error queues, with the action that moves failed messages back.</summary>
internal static class QueuesPage
{
    public static string Render(IReadOnlyList<QueueInfo>? queues, string? problem) => Layout.Page("Queues", "/queues", queues is null
        ? $"<p class=\"bad\">The broker's management API could not be read: {E(problem)}</p>"
        : $"""
          <p class="muted" data-reload="5000">RabbitMQ, virtual host /. Refreshes every 5 s.</p>
          {Summary(queues)}
          """);

    public static string Summary(IReadOnlyList<QueueInfo> queues)
    {
        var errors = queues.Where(q => q.IsErrorQueue).ToList();
        var failed = errors.Sum(q => q.Messages);
        return $"""
            <p>{queues.Count} queues · {queues.Sum(q => q.Messages)} messages waiting ·
            <span class="{(failed > 0 ? "bad" : "ok")}">{failed} in error queues</span></p>
            <table class="grid queues"><thead><tr><th>Queue</th><th>Messages</th><th>Ready</th><th>Unacked</th><th>Consumers</th>
            <th>Publish/s</th><th>Deliver/s</th><th></th></tr></thead><tbody>
            {Join(queues, q => $"""
              <tr data-queue="{E(q.Name)}" class="{(q.IsErrorQueue && q.Messages > 0 ? "error" : "")}">
                <td><code>{E(q.Name)}</code></td><td>{q.Messages}</td><td>{q.Ready}</td><td>{q.Unacknowledged}</td><td>{q.Consumers}</td>
                <td>{Num(q.PublishRate)}</td><td>{Num(q.DeliverRate)}</td>
                <td>{(q.IsErrorQueue && q.Messages > 0
                    ? $"<button data-post=\"/api/queues/{U(q.Name)}/move\" data-confirm=\"Move the messages of {E(q.Name)} back to {E(q.SourceQueue)}?\">Move {q.Messages} back to {E(q.SourceQueue)}</button>"
                    : "")}</td>
              </tr>
              """)}
            </tbody></table>
            """;
    }
}

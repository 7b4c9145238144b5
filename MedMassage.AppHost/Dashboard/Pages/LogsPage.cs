using MedMassage.AppHost.Dashboard.Telemetry;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>Structured logs of every service, filtered by service, minimum level, trace id and text.</summary>
internal static class LogsPage
{
    public static string Render(LogStore store, LogQuery query) => Layout.Page("Structured logs", "/logs", $"""
        <form class="filters" method="get" action="/logs">
          <label>Service <select name="service">{Options(store.Services(), query.Service, "All")}</select></label>
          <label>Level <select name="level">{Options(Enum.GetNames<LogSeverity>(), query.MinimumLevel?.ToString(), "Any")}</select></label>
          <label>Trace id <input name="trace" value="{E(query.TraceId)}" size="34"></label>
          <label>Text <input name="q" type="search" value="{E(query.Text)}"></label>
          <button type="submit">Filter</button>
        </form>
        {Table(store.Query(query))}
        """);

    public static string Table(IReadOnlyList<StructuredLog> logs) => logs.Count == 0
        ? "<p class=\"muted\">No log records match.</p>"
        : $"""
          <table class="grid logs"><thead><tr><th>Time</th><th>Service</th><th>Level</th><th>Category</th><th>Message</th><th>Trace</th></tr></thead><tbody>
          {Join(logs, l => $"""
            <tr class="level-{E(l.Level.ToString().ToLowerInvariant())}">
              <td class="nowrap">{Time(l.Timestamp)}</td><td>{ServiceTag(l.Service)}</td><td>{E(l.Level)}</td>
              <td class="muted">{E(l.Category)}</td>
              <td><details><summary>{E(l.Message)}</summary>{Attributes(l.Attributes)}</details></td>
              <td>{(l.TraceId is null ? "" : $"<a href=\"/traces/{E(l.TraceId)}\"><code>{E(l.TraceId[..8])}</code></a>")}</td>
            </tr>
            """)}
          </tbody></table>
          """;

    public static string Attributes(IEnumerable<KeyValuePair<string, string>> attributes) =>
        $"<table class=\"attrs\">{Join(attributes, a => $"<tr><th>{E(a.Key)}</th><td>{E(a.Value)}</td></tr>")}</table>";
}

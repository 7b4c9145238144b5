using System.Globalization;
using MedMassage.AppHost.Dashboard.Queues;
using MedMassage.AppHost.Dashboard.Telemetry;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>Per service request rate, error rate and latency percentiles, message rates, and the broker's queues.</summary>
internal static class MetricsPage
{
    public static readonly TimeSpan[] Windows = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)];

    public static string Render(IReadOnlyList<ServiceMetrics> services, TimeSpan window, IReadOnlyList<QueueInfo>? queues) => Layout.Page("Metrics", "/metrics", $"""
        <form class="filters" method="get" action="/metrics">
          <label>Window <select name="window" onchange="this.form.submit()">{Join(Windows, w => $"<option value=\"{w.TotalMinutes}\"{(w == window ? " selected" : "")}>last {w.TotalMinutes} min</option>")}</select></label>
          <span class="muted">refreshes every 5 s</span>
        </form>
        <table class="grid metrics" data-reload="5000"><thead><tr>
          <th>Service</th><th>Requests/s</th><th>Requests</th><th>Errors</th><th>p50</th><th>p95</th><th>p99</th>
          <th>Published/s</th><th>Consumed/s</th><th>Requests/s over the window</th></tr></thead><tbody>
        {Join(services, s => $"""
          <tr data-service="{E(s.Service)}">
            <td>{ServiceTag(s.Service)}</td>
            <td>{Num(s.RequestsPerSecond, "0.###")}</td>
            <td>{Num(s.Requests, "0")}</td>
            <td class="{(s.ErrorRate > 0 ? "bad" : "")}">{Num(s.ErrorRate * 100, "0.#")}%</td>
            <td>{Ms(s.P50Milliseconds)}</td><td>{Ms(s.P95Milliseconds)}</td><td>{Ms(s.P99Milliseconds)}</td>
            <td>{Num(s.PublishedPerSecond, "0.###")}</td><td>{Num(s.ConsumedPerSecond, "0.###")}</td>
            <td>{Sparkline(s.RequestRateHistory, ServiceColor(s.Service))}</td>
          </tr>
          """)}
        </tbody></table>
        <h2>Messaging counters</h2>
        <table class="grid"><thead><tr><th>Service</th><th>Instrument</th><th>Increase</th><th>Per second</th></tr></thead><tbody>
        {Join(services.SelectMany(s => s.Counters.Select(c => (s.Service, c))), x => $"<tr><td>{ServiceTag(x.Service)}</td><td><code>{E(x.c.Instrument)}</code></td><td>{Num(x.c.Increase, "0")}</td><td>{Num(x.c.PerSecond, "0.###")}</td></tr>")}
        </tbody></table>
        <h2>Queues</h2>
        {(queues is null ? "<p class=\"muted\">The broker's management API is not available.</p>" : QueuesPage.Summary(queues))}
        """);

    /// <summary>A tiny inline chart; the scale is the series' own maximum (shown in the tooltip).</summary>
    public static string Sparkline(IReadOnlyList<double> values, string color)
    {
        const int width = 180, height = 28;
        var max = Math.Max(values.DefaultIfEmpty(0).Max(), 0.001);
        var step = values.Count > 1 ? (double)width / (values.Count - 1) : width;
        var points = string.Join(' ', values.Select((v, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i * step:0.#},{height - 2 - (v / max * (height - 4)):0.#}")));
        return $"""<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><title>max {Num(max, "0.###")}/s</title><polyline fill="none" stroke="{color}" stroke-width="1.5" points="{points}"/></svg>""";
    }
}

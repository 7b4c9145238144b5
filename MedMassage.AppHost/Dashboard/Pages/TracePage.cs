using System.Globalization;
using MedMassage.AppHost.Dashboard.Telemetry;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>One trace as a waterfall: spans nested under their parents, bars placed on the trace's time line.</summary>
internal static class TracePage
{
    public static string Render(IReadOnlyList<TelemetrySpan> spans, IReadOnlyList<StructuredLog> logs)
    {
        var summary = TraceStore.Summarize(spans);
        var total = Math.Max(summary.Duration.TotalMilliseconds, 0.001);
        string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "%";
        return Layout.Page($"Trace: {summary.RootName}", "/traces", $"""
            <p class="facts-line">
              <code>{E(summary.TraceId)}</code> · {Time(summary.Start)} · {Ms(summary.Duration)} · {summary.SpanCount} spans ·
              {(summary.ErrorCount > 0 ? $"<span class=\"bad\">{summary.ErrorCount} errors</span>" : "no errors")} ·
              {Join(summary.Services, ServiceTag)}
            </p>
            <div class="waterfall">
              <div class="wf-head"><span>Span</span><span class="wf-scale"><span>0</span><span>{Ms(summary.Duration / 2)}</span><span>{Ms(summary.Duration)}</span></span><span class="wf-label">Duration</span></div>
              {Join(Ordered(spans), item => $"""
                <details class="wf-row{(item.Span.IsError ? " error" : "")}" data-span="{E(item.Span.SpanId)}" data-service="{E(item.Span.Service)}">
                  <summary>
                    <span class="wf-name" style="padding-left:{item.Depth * 14}px">{ServiceTag(item.Span.Service)} <span class="kind">{E(item.Span.Kind)}</span> {E(item.Span.Name)}</span>
                    <span class="wf-track"><span class="wf-bar" style="left:{Percent((item.Span.Start - summary.Start).TotalMilliseconds / total * 100)};width:{Percent(Math.Max(item.Span.Duration.TotalMilliseconds / total * 100, 0.3))};--svc:{ServiceColor(item.Span.Service)}"></span></span>
                    <span class="wf-label">{Ms(item.Span.Duration)}</span>
                  </summary>
                  <div class="wf-detail">
                    {(item.Span.StatusMessage is null ? "" : $"<p class=\"bad\">{E(item.Span.StatusMessage)}</p>")}
                    {LogsPage.Attributes([new("span.id", item.Span.SpanId), new("scope", item.Span.Scope), .. item.Span.Attributes])}
                    {Join(item.Span.Events, e => $"<p class=\"muted\">{Time(e.Time)} {E(e.Name)}</p>{LogsPage.Attributes(e.Attributes)}")}
                  </div>
                </details>
                """)}
            </div>
            <h2>Logs in this trace</h2>
            {LogsPage.Table(logs)}
            """);
    }

    /// <summary>Depth-first: each span followed by its children in start order; orphans (parent not received) at the top level.</summary>
    private static IEnumerable<(TelemetrySpan Span, int Depth)> Ordered(IReadOnlyList<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!);
        IEnumerable<(TelemetrySpan, int)> Visit(TelemetrySpan span, int depth) =>
            new[] { (span, depth) }.Concat(children[span.SpanId].OrderBy(c => c.Start).SelectMany(c => Visit(c, depth + 1)));
        return spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start).SelectMany(s => Visit(s, 0));
    }
}

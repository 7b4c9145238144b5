using MedMassage.AppHost.Dashboard.Telemetry;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>Recent traces: root operation, services touched, duration, errors.</summary>
internal static class TracesPage
{
    public static string Render(TraceStore store, IEnumerable<string> services, string? service, string? text)
    {
        var traces = store.Recent(service, text);
        return Layout.Page("Traces", "/traces", $"""
            <form class="filters" method="get" action="/traces">
              <label>Service <select name="service">{Options(services, service, "All")}</select></label>
              <label>Text <input name="q" type="search" value="{E(text)}" placeholder="span name, attribute or trace id"></label>
              <button type="submit">Filter</button>
            </form>
            {(traces.Count == 0 ? "<p class=\"muted\">No traces yet.</p>" : $"""
              <table class="grid traces"><thead><tr><th>Start</th><th>Root operation</th><th>Services</th><th>Spans</th><th>Duration</th><th>Errors</th></tr></thead><tbody>
              {Join(traces, t => $"""
                <tr data-trace="{E(t.TraceId)}">
                  <td class="nowrap">{Time(t.Start)}</td>
                  <td>{ServiceTag(t.RootService)} <a href="/traces/{E(t.TraceId)}">{E(t.RootName)}</a></td>
                  <td>{Join(t.Services, ServiceTag)}</td>
                  <td>{t.SpanCount}</td>
                  <td class="nowrap">{Ms(t.Duration)}</td>
                  <td>{(t.ErrorCount > 0 ? $"<span class=\"bad\">{t.ErrorCount}</span>" : "0")}</td>
                </tr>
                """)}
              </tbody></table>
              """)}
            """);
    }
}

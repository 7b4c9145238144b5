using MedMassage.AppHost.Hosting;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>One resource in detail: its health checks, what it waits for, and its environment (secrets masked).</summary>
internal static class ResourcePage
{
    public static string Render(Resource r, DateTimeOffset now)
    {
        var health = r is ProjectResource p ? HealthSummary.Parse(p.LastHealthReport) : null;
        return Layout.Page(r.Name, "/", $"""
            <dl class="facts">
              <dt>Type</dt><dd>{ResourcesPage.Kind(r)}</dd>
              <dt>State</dt><dd><span class="state state-{E(r.State.ToString().ToLowerInvariant())}">{E(r.State)}</span> {E(r.StateDetail)}</dd>
              <dt>Process id</dt><dd>{E(r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–")}</dd>
              <dt>Endpoints</dt><dd>{ResourcesPage.Endpoints(r)}</dd>
              <dt>Restarts</dt><dd>{r.RestartCount}</dd>
              <dt>Uptime</dt><dd>{Uptime(r.IsReady ? r.StartedAt : null, now)}</dd>
              <dt>Waits for</dt><dd>{E(string.Join(", ", r.Dependencies.Select(d => d.Name)))}</dd>
              <dt>Actions</dt><dd class="actions">{ResourcesPage.Actions(r)}</dd>
            </dl>
            {(health is null ? "" : $"""
              <h2>Health: {E(health.Status)}</h2>
              <table class="grid"><thead><tr><th>Check</th><th>Status</th><th>Description</th></tr></thead><tbody>
              {Join(health.Checks, c => $"<tr><td>{E(c.Name)}</td><td class=\"{(c.Status == "Healthy" ? "ok" : "bad")}\">{E(c.Status)}</td><td>{E(c.Description)}</td></tr>")}
              </tbody></table>
              """)}
            <h2>Environment</h2>
            <table class="grid env"><thead><tr><th>Variable</th><th>Value</th></tr></thead><tbody>
            {Join(r.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal), kv => $"<tr><td><code>{E(kv.Key)}</code></td><td><code>{E(ResourceTable.Mask(kv.Value ?? ""))}</code></td></tr>")}
            </tbody></table>
            """);
    }
}

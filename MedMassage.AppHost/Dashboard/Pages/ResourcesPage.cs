using MedMassage.AppHost.Hosting;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>Every server, database and service: state, process, endpoints, health, restarts, uptime, actions.</summary>
internal static class ResourcesPage
{
    public static string Render(IReadOnlyList<Resource> resources, DateTimeOffset now) => Layout.Page("Resources", "/", $"""
        <table class="grid" id="resources">
          <thead><tr><th>Name</th><th>Type</th><th>State</th><th>PID</th><th>Endpoints</th><th>Health</th>
          <th>Restarts</th><th>Uptime</th><th>Actions</th></tr></thead>
          <tbody data-refresh="/partials/resources" data-every="2000">{Rows(resources, now)}</tbody>
        </table>
        """);

    public static string Rows(IReadOnlyList<Resource> resources, DateTimeOffset now) => Join(resources, r => $"""
        <tr data-resource="{E(r.Name)}">
          <td><a href="/resources/{U(r.Name)}">{E(r.Name)}</a></td>
          <td>{Kind(r)}</td>
          <td><span class="state state-{E(r.State.ToString().ToLowerInvariant())}" title="{E(r.StateDetail)}">{E(r.State)}</span></td>
          <td>{E(r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–")}</td>
          <td>{Endpoints(r)}</td>
          <td>{Health(r)}</td>
          <td>{r.RestartCount}</td>
          <td>{Uptime(r.IsReady ? r.StartedAt : null, now)}</td>
          <td class="actions">{Actions(r)}</td>
        </tr>
        """);

    public static string Kind(Resource r) => r switch
    {
        ProjectResource => "Project",
        DatabaseResource => "Database",
        _ => "Server",
    };

    public static string Endpoints(Resource r) => Join(r.Endpoints, e =>
        e.StartsWith("http", StringComparison.Ordinal)
            ? $"<a href=\"{E(e)}\" target=\"_blank\" rel=\"noopener\">{E(e)}</a><br>"
            : $"<code>{E(ResourceTable.Mask(e))}</code><br>");

    public static string Health(Resource r)
    {
        if (r is not ProjectResource project)
        {
            return r.IsReady ? "<span class=\"ok\">Ready</span>" : "–";
        }
        var health = HealthSummary.Parse(project.LastHealthReport);
        if (health is null)
        {
            return "–";
        }
        var css = health.Status == "Healthy" ? "ok" : "bad";
        var checks = string.Join(", ", health.Checks.Select(c => $"{c.Name}: {c.Status}"));
        return $"<span class=\"{css}\" title=\"{E(checks)}\">{E(health.Status)}</span>";
    }

    public static string Actions(Resource r)
    {
        var console = $"<a class=\"button\" href=\"/console/{U(r.Name)}\">Console</a>";
        if (r is not ProjectResource)
        {
            return console;
        }
        var running = r.State is ResourceState.Running or ResourceState.Unhealthy or ResourceState.Starting;
        return console + (running
            ? $"<button data-post=\"/api/resources/{U(r.Name)}/restart\">Restart</button><button data-post=\"/api/resources/{U(r.Name)}/stop\" data-confirm=\"Stop {E(r.Name)}?\">Stop</button>"
            : $"<button data-post=\"/api/resources/{U(r.Name)}/start\">Start</button>");
    }
}

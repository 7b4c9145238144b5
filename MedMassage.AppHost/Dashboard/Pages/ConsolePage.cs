using MedMassage.AppHost.Hosting;
using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>A resource's console output, streamed live (server-sent events) and searchable as it arrives.</summary>
internal static class ConsolePage
{
    public static string Render(IReadOnlyList<Resource> resources, Resource selected, string? search) => Layout.Page($"Console: {selected.Name}", "/console", $"""
        <form class="filters" data-console-filters>
          <label>Resource <select name="resource" data-navigate="/console/">{Options(resources.Select(r => r.Name), selected.Name, "Choose…")}</select></label>
          <label>Search <input name="q" type="search" value="{E(search)}" placeholder="text in a line" data-console-search></label>
          <span class="muted" data-console-count></span>
        </form>
        <pre class="console" data-console-stream="/api/console/{U(selected.Name)}/stream"></pre>
        """);
}

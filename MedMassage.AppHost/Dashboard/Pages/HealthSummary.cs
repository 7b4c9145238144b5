using System.Text.Json;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>A service's /health answer (the service defaults write JSON: overall status and one entry per check).</summary>
internal sealed record HealthSummary(string Status, IReadOnlyList<(string Name, string Status, string? Description)> Checks)
{
    public static HealthSummary? Parse(string? report)
    {
        if (string.IsNullOrWhiteSpace(report))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(report);
            var root = json.RootElement;
            var status = root.TryGetProperty("status", out var s) ? s.GetString() ?? "?" : "?";
            var checks = root.TryGetProperty("checks", out var c) && c.ValueKind == JsonValueKind.Object
                ? c.EnumerateObject().Select(p => (p.Name,
                    p.Value.TryGetProperty("status", out var cs) ? cs.GetString() ?? "?" : "?",
                    p.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null)).ToList()
                : [];
            return new HealthSummary(status, checks);
        }
        catch (JsonException)
        {
            // Not JSON: a connection error message or a plain-text answer.
            return new HealthSummary(report.Length > 120 ? report[..120] + "…" : report, []);
        }
    }
}

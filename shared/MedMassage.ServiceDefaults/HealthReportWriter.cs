using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Writes a health report as JSON: the status alone for anyone, each check for operations.</summary>
public static class HealthReportWriter
{
    /// <summary>The public answer: the status alone (200, or 503 when unhealthy), never which dependency failed or why.</summary>
    public static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.StatusCode = StatusCodeOf(report);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() }, JsonSerializerOptions.Web, context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.StatusCode = StatusCodeOf(report);
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message, durationMs = e.Value.Duration.TotalMilliseconds }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    // Unhealthy is 503, as the health checks middleware answers; degraded still serves.
    private static int StatusCodeOf(HealthReport report) =>
        report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
}

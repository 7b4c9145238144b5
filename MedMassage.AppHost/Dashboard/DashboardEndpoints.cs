using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MedMassage.AppHost.Dashboard.Pages;
using MedMassage.AppHost.Dashboard.Queues;
using MedMassage.AppHost.Dashboard.Telemetry;
using MedMassage.AppHost.Hosting;
using MedMassage.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedMassage.AppHost.Dashboard;

/// <summary>The dashboard's pages (server-rendered HTML) and its few actions.</summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.MapGet("/assets/site.css", () => Results.Text(Assets.Css, "text/css"));
        group.MapGet("/assets/site.js", () => Results.Text(Assets.Js, "text/javascript"));

        group.MapGet("/", (DashboardContext dashboard) => Page(ResourcesPage.Render(dashboard.Resources, DateTimeOffset.UtcNow)));
        group.MapGet("/partials/resources", (DashboardContext dashboard) => Page(ResourcesPage.Rows(dashboard.Resources, DateTimeOffset.UtcNow)));
        group.MapGet("/resources/{name}", (string name, DashboardContext dashboard) =>
            dashboard.Find(name) is { } r ? Page(ResourcePage.Render(r, DateTimeOffset.UtcNow)) : Results.NotFound());
        foreach (var action in new[] { "restart", "stop", "start" })
        {
            group.MapPost($"/api/resources/{{name}}/{action}", (string name, DashboardContext dashboard) => Act(name, action, dashboard));
        }

        group.MapGet("/console", (DashboardContext dashboard) =>
            dashboard.Resources.OfType<ProjectResource>().FirstOrDefault() is { } first
                ? Results.Redirect($"/console/{Uri.EscapeDataString(first.Name)}")
                : Results.NotFound());
        group.MapGet("/console/{name}", (string name, string? q, DashboardContext dashboard) =>
            dashboard.Find(name) is { } r ? Page(ConsolePage.Render(dashboard.Resources, r, q)) : Results.NotFound());
        group.MapGet("/api/console/{name}/stream", StreamConsoleAsync);

        group.MapGet("/logs", (string? service, string? level, string? trace, string? q, LogStore logs) =>
            Page(LogsPage.Render(logs, new LogQuery(Blank(service), Enum.TryParse<LogSeverity>(level, out var l) ? l : null, Blank(trace)?.Trim(), Blank(q)))));
        group.MapGet("/traces", (string? service, string? q, TraceStore traces, LogStore logs, MetricStore metrics, DashboardContext dashboard) =>
            Page(TracesPage.Render(traces,
                dashboard.Resources.OfType<ProjectResource>().Select(p => p.Name).Union(metrics.Services()).Union(logs.Services()),
                Blank(service), Blank(q))));
        group.MapGet("/traces/{id}", (string id, TraceStore traces, LogStore logs) =>
            traces.Get(id) is { Count: > 0 } spans ? Page(TracePage.Render(spans, logs.Query(new LogQuery(TraceId: id)))) : Results.NotFound());

        group.MapGet("/metrics", MetricsAsync);
        group.MapGet("/queues", QueuesAsync);
        group.MapPost("/api/queues/{name}/move", MoveAsync);
        return group;
    }

    private static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Restarts take as long as the service needs to become healthy, so they run on after the answer.</summary>
    private static IResult Act(string name, string action, DashboardContext dashboard)
    {
        if (dashboard.Find(name) is not ProjectResource project)
        {
            return Results.NotFound(new { message = $"{name} is not a project the AppHost runs" });
        }
        _ = Task.Run(async () =>
        {
            try
            {
                if (action == "stop")
                {
                    await project.StopAsync();
                }
                else
                {
                    await project.RestartAsync(dashboard.Lifetime);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                project.Log.Add($"[dashboard] {action} failed: {e.Message}", isError: true);
            }
        });
        var verb = action switch { "stop" => "Stopping", "start" => "Starting", _ => "Restarting" };
        return Results.Accepted(value: new { message = $"{verb} {name}…" });
    }

    /// <summary>Server-sent events: the lines kept so far, then every new line as it is written.</summary>
    private static async Task StreamConsoleAsync(string name, long? after, HttpContext context, DashboardContext dashboard)
    {
        if (dashboard.Find(name) is not { } resource)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, dashboard.Lifetime);
        var lines = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnLine(LogLine line) => lines.Writer.TryWrite(line);
        // Subscribe before taking the snapshot so no line falls between the two; duplicates are skipped by sequence.
        resource.Log.LineWritten += OnLine;
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            var sent = after ?? 0;
            foreach (var line in resource.Log.Snapshot(sent))
            {
                sent = await WriteAsync(context, line, sent, stop.Token);
            }
            await context.Response.Body.FlushAsync(stop.Token);
            await foreach (var line in lines.Reader.ReadAllAsync(stop.Token))
            {
                sent = await WriteAsync(context, line, sent, stop.Token);
                if (lines.Reader.Count == 0)
                {
                    await context.Response.Body.FlushAsync(stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or the AppHost is stopping.
        }
        finally
        {
            resource.Log.LineWritten -= OnLine;
        }
    }

    private static async Task<long> WriteAsync(HttpContext context, LogLine line, long sent, CancellationToken ct)
    {
        if (line.Sequence <= sent)
        {
            return sent;
        }
        var json = JsonSerializer.Serialize(new { seq = line.Sequence, time = line.Timestamp, text = line.Text, isError = line.IsError });
        await context.Response.WriteAsync($"id: {line.Sequence}\ndata: {json}\n\n", ct);
        return line.Sequence;
    }

    private static async Task<IResult> MetricsAsync(string? window, MetricStore metrics, DashboardContext dashboard, RabbitMqManagement rabbit, CancellationToken ct)
    {
        var span = MetricsPage.Windows.FirstOrDefault(w => w.TotalMinutes.ToString(CultureInfo.InvariantCulture) == window, MetricsPage.Windows[0]);
        var now = DateTimeOffset.UtcNow;
        var services = dashboard.Resources.OfType<ProjectResource>().Select(p => p.Name).Union(metrics.Services())
            .Select(s => MetricAnalysis.Summarize(metrics, s, now, span)).ToList();
        var (queues, _) = await TryQueuesAsync(rabbit, ct);
        return Page(MetricsPage.Render(services, span, queues));
    }

    private static async Task<IResult> QueuesAsync(RabbitMqManagement rabbit, CancellationToken ct)
    {
        var (queues, problem) = await TryQueuesAsync(rabbit, ct);
        return Page(QueuesPage.Render(queues, problem));
    }

    private static async Task<IResult> MoveAsync(string name, RabbitMqManagement rabbit, CancellationToken ct)
    {
        var (queues, problem) = await TryQueuesAsync(rabbit, ct);
        if (queues is null)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (queues.FirstOrDefault(q => q.Name == name) is not { IsErrorQueue: true } queue)
        {
            return Results.NotFound(new { message = $"{name} is not an error queue" });
        }
        var result = await rabbit.MoveBackAsync(queue, limit: 10_000, ct);
        var message = $"Moved {result.Moved} message(s) from {queue.Name} to {queue.SourceQueue}." + (result.Error is null ? "" : $" {result.Error}");
        return result.Error is null ? Results.Ok(new { message, moved = result.Moved }) : Results.Conflict(new { message, moved = result.Moved });
    }

    private static async Task<(IReadOnlyList<QueueInfo>? Queues, string? Problem)> TryQueuesAsync(RabbitMqManagement rabbit, CancellationToken ct)
    {
        if (!rabbit.IsAvailable)
        {
            return (null, "this run's broker has no management plugin");
        }
        try
        {
            return (await rabbit.QueuesAsync(ct), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, e.Message);
        }
    }
}

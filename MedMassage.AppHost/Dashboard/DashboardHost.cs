using System.Net;
using MedMassage.AppHost.Dashboard.Otlp;
using MedMassage.AppHost.Dashboard.Pages;
using MedMassage.AppHost.Dashboard.Queues;
using MedMassage.AppHost.Dashboard.Security;
using MedMassage.AppHost.Dashboard.Telemetry;
using MedMassage.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedMassage.AppHost.Dashboard;

/// <summary>
/// The ops dashboard inside the AppHost process: the web UI on the dashboard port (HTTP/1.1) and the OTLP/gRPC
/// receiver on the OTLP port (HTTP/2 without TLS, the .NET exporter's default), sharing in-memory stores.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, DashboardLogin login, AppHostOptions options)
    {
        _app = app;
        Login = login;
        Url = new Uri($"http://127.0.0.1:{options.DashboardPort}/");
        OtlpEndpoint = new Uri($"http://127.0.0.1:{options.OtlpPort}");
    }

    public DashboardLogin Login { get; }
    public Uri Url { get; }
    public Uri LoginUrl => new(Url, $"login?t={Login.Token}");
    public Uri OtlpEndpoint { get; }
    public TraceStore Traces => _app.Services.GetRequiredService<TraceStore>();
    public LogStore Logs => _app.Services.GetRequiredService<LogStore>();
    public MetricStore Metrics => _app.Services.GetRequiredService<MetricStore>();

    public static async Task<DashboardHost> StartAsync(IReadOnlyList<Resource> resources, AppHostOptions options, CancellationToken lifetime)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "MedMassage.Dashboard",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Only the dashboard's own warnings reach the AppHost console: no appsettings, no start-up chatter.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.DashboardPort, l => l.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, options.OtlpPort, l => l.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton<IHostLifetime, AppHostOwnedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        // gRPC maps its "unimplemented method" routes with the regex constraint, which the slim builder leaves out.
        builder.Services.AddRouting();
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton(new TraceStore());
        builder.Services.AddSingleton(new LogStore());
        builder.Services.AddSingleton(new MetricStore());
        builder.Services.AddSingleton<OtlpTranslator>();
        builder.Services.AddSingleton(new DashboardContext(resources, options, lifetime));
        builder.Services.AddSingleton(_ => RabbitMqManagement.For(resources));

        var app = builder.Build();
        var login = DashboardLogin.CreateRandom();
        login.UseOn(app, options.DashboardPort);

        var otlpHost = $"*:{options.OtlpPort}";
        app.MapGrpcService<OtlpTraceReceiver>().RequireHost(otlpHost);
        app.MapGrpcService<OtlpLogsReceiver>().RequireHost(otlpHost);
        app.MapGrpcService<OtlpMetricsReceiver>().RequireHost(otlpHost);
        app.MapDashboard().RequireHost($"*:{options.DashboardPort}");

        await app.StartAsync(lifetime);
        return new DashboardHost(app, login, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Ctrl+C belongs to the AppHost, which stops the dashboard itself (after the resources' first steps).</summary>
internal sealed class AppHostOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What the pages and actions work on: the AppHost's resources and the lifetime of the run.</summary>
public sealed record DashboardContext(IReadOnlyList<Resource> Resources, AppHostOptions Options, CancellationToken Lifetime)
{
    public Resource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);
}

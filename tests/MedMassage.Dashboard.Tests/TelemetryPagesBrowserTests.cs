using System.Diagnostics;
using System.Net;
using MedMassage.AppHost.Dashboard;
using MedMassage.AppHost.Hosting;
using MedMassage.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedMassage.Dashboard.Tests;

/// <summary>
/// The telemetry pages in Chromium against the dashboard host alone, fed by the real OTLP exporter of two
/// "services": a request that crosses the gateway into the referral service and publishes an event.
/// </summary>
public sealed class TelemetryPagesBrowserTests : IAsyncLifetime
{
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        // Servers given by connection string (not started here) are listed as they are, with secrets masked.
        MedMassage.AppHost.Hosting.Resource[] resources =
        [
            new ServerResource("postgres", null, "Host=127.0.0.1;Port=5432;Username=postgres;Password=s3cret"),
            new ServerResource("eventbus", null, "amqp://guest:hunter2@127.0.0.1:5672/"),
        ];
        foreach (var resource in resources)
        {
            await resource.StartAsync(CancellationToken.None);
        }
        _dashboard = await DashboardHost.StartAsync(resources, new AppHostOptions { DashboardPort = FreePort.Next(), OtlpPort = FreePort.Next() }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task A_trace_across_two_services_is_listed_drawn_as_a_waterfall_and_linked_to_its_logs()
    {
        var traceId = ExportReferralRequest();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 800 } });
        page.SetDefaultTimeout(15_000);

        await page.GotoAsync(_dashboard.LoginUrl.ToString());
        await Assertions.Expect(page.Locator("tr[data-resource='postgres']")).ToContainTextAsync("Password=****");
        await Assertions.Expect(page.Locator("tr[data-resource='eventbus']")).ToContainTextAsync("amqp://guest:****@");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("s3cret");

        await page.GotoAsync(new Uri(_dashboard.Url, "/traces").ToString());
        var row = page.Locator($"tr[data-trace='{traceId}']");
        await Assertions.Expect(row).ToContainTextAsync("GET /api/referrals/{id}");
        await Assertions.Expect(row.Locator(".svc")).ToHaveTextAsync(["gateway", "gateway", "referral-api"]);
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await Chromium.ScreenshotAsync(page, "telemetry-traces");

        await row.Locator("a").ClickAsync();
        var spans = page.Locator(".wf-row");
        await Assertions.Expect(spans).ToHaveCountAsync(4);
        await Assertions.Expect(spans.Nth(0)).ToHaveAttributeAsync("data-service", "gateway");
        await Assertions.Expect(spans.Nth(2)).ToHaveAttributeAsync("data-service", "referral-api");
        // Nested under its parent: the consumer-side publish is indented deepest.
        var indent = await spans.Nth(3).Locator(".wf-name").EvaluateAsync<string>("e => e.style.paddingLeft");
        Assert.Equal("42px", indent);
        await Assertions.Expect(page.Locator("table.logs")).ToContainTextAsync("Referral 42 not found");
        await spans.Nth(3).Locator("summary").ClickAsync();
        await Assertions.Expect(spans.Nth(3).Locator(".attrs")).ToContainTextAsync("referral-events");
        await Chromium.ScreenshotAsync(page, "telemetry-waterfall");

        await page.GotoAsync(new Uri(_dashboard.Url, $"/logs?service=referral-api&level=Warning&trace={traceId}").ToString());
        await Assertions.Expect(page.Locator("table.logs > tbody > tr")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(page, "telemetry-logs");
    }

    /// <summary>gateway (server → client) → referral-api (server → producer), one warning logged; returns the trace id.</summary>
    private string ExportReferralRequest()
    {
        void Exporter(OtlpExporterOptions o)
        {
            o.Endpoint = _dashboard.OtlpEndpoint;
            o.Protocol = OtlpExportProtocol.Grpc;
        }
        using var gatewaySource = new ActivitySource($"Gateway.{Guid.NewGuid():N}");
        using var referralSource = new ActivitySource($"Referral.{Guid.NewGuid():N}");
        using var gatewayTracing = Sdk.CreateTracerProviderBuilder().ConfigureResource(r => r.AddService("gateway"))
            .AddSource(gatewaySource.Name).AddOtlpExporter(Exporter).Build();
        using var referralTracing = Sdk.CreateTracerProviderBuilder().ConfigureResource(r => r.AddService("referral-api"))
            .AddSource(referralSource.Name).AddOtlpExporter(Exporter).Build();
        using var referralLogging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("referral-api"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(Exporter);
        }));

        string traceId;
        using (var inbound = gatewaySource.StartActivity("GET /api/referrals/{id}", ActivityKind.Server)!)
        {
            traceId = inbound.TraceId.ToHexString();
            using var forward = gatewaySource.StartActivity("GET", ActivityKind.Client)!;
            using var handle = referralSource.StartActivity("GET /api/referrals/{id}", ActivityKind.Server)!;
            handle.SetTag("http.response.status_code", (int)HttpStatusCode.NotFound);
            referralLogging.CreateLogger("Referral.Api").LogWarning("Referral {ReferralId} not found", 42);
            using var publish = referralSource.StartActivity("referral-events publish", ActivityKind.Producer)!;
            publish.SetTag("messaging.destination.name", "referral-events");
            publish.SetStatus(ActivityStatusCode.Error, "broker unreachable");
        }
        Assert.True(gatewayTracing.ForceFlush(10_000) && referralTracing.ForceFlush(10_000));
        return traceId;
    }
}

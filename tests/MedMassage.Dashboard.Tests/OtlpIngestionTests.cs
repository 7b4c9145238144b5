using System.Diagnostics;
using System.Diagnostics.Metrics;
using MedMassage.AppHost.Dashboard.Telemetry;
using MedMassage.Testing;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedMassage.Dashboard.Tests;

/// <summary>What the services' own exporter (OpenTelemetry .NET, OTLP over gRPC) sends arrives in the stores.</summary>
public sealed class OtlpIngestionTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private void Exporter(OtlpExporterOptions o)
    {
        o.Endpoint = fixture.Dashboard.OtlpEndpoint;
        o.Protocol = OtlpExportProtocol.Grpc;
    }

    [Fact]
    public async Task Spans_exported_by_a_service_are_kept_with_their_service_parent_kind_and_error()
    {
        var sourceName = $"MedMassage.Tests.{Guid.NewGuid():N}";
        using var source = new ActivitySource(sourceName);
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("referral-api"))
            .AddSource(sourceName)
            .AddOtlpExporter(Exporter)
            .Build())
        {
            using var request = source.StartActivity("POST /api/referrals", ActivityKind.Server)!;
            using (var insert = source.StartActivity("INSERT referrals", ActivityKind.Client)!)
            {
                insert.SetTag("db.system", "postgresql");
                insert.SetStatus(ActivityStatusCode.Error, "duplicate key");
            }
            request.Stop();
            Assert.True(tracing.ForceFlush(10_000));

            var spans = await Eventually.WaitAsync(() => Task.FromResult(fixture.Dashboard.Traces.Get(request.TraceId.ToHexString())),
                s => s is { Count: 2 }, TimeSpan.FromSeconds(10), $"the exported spans ({fixture.Dashboard.Traces.Count} traces stored)");

            var (root, child) = (spans![0], spans[1]);
            Assert.Equal(("referral-api", "server", "POST /api/referrals", (string?)null), (root.Service, root.Kind, root.Name, root.ParentSpanId));
            Assert.Equal(request.SpanId.ToHexString(), root.SpanId);
            Assert.Equal(root.SpanId, child.ParentSpanId);
            Assert.Equal("client", child.Kind);
            Assert.True(child.IsError);
            Assert.Equal("duplicate key", child.StatusMessage);
            Assert.Equal("postgresql", child.Attribute("db.system"));
            Assert.True(root.Start <= child.Start && child.End <= root.End);
        }
    }

    [Fact]
    public async Task Logs_exported_by_a_service_keep_their_level_message_and_trace()
    {
        var traceMarker = $"slot {Guid.NewGuid():N}";
        using var activity = new Activity("book").SetIdFormat(ActivityIdFormat.W3C).Start();
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("scheduling-api"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(Exporter);
        })))
        {
            logging.CreateLogger("Scheduling.Slots").LogWarning("The {Slot} is already booked", traceMarker);
        }
        activity.Stop();

        var log = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Dashboard.Logs.Query(new LogQuery(Text: traceMarker)).FirstOrDefault()),
            l => l is not null, what: "the exported log record");

        Assert.Equal("scheduling-api", log!.Service);
        Assert.Equal(LogSeverity.Warning, log.Level);
        Assert.Equal("Scheduling.Slots", log.Category);
        Assert.Equal($"The {traceMarker} is already booked", log.Message);
        Assert.Equal(activity.TraceId.ToHexString(), log.TraceId);
        Assert.Equal(activity.SpanId.ToHexString(), log.SpanId);
    }

    [Fact]
    public void Request_durations_exported_by_a_service_give_its_rate_errors_and_latency()
    {
        var meterName = $"MedMassage.Tests.{Guid.NewGuid():N}";
        using var meter = new Meter(meterName);
        var durations = meter.CreateHistogram<double>(MetricAnalysis.RequestDuration, "s");
        using var metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService("notification-api"))
            .AddMeter(meterName)
            .AddView(MetricAnalysis.RequestDuration, new ExplicitBucketHistogramConfiguration { Boundaries = [0.01, 0.05, 0.1, 0.5, 1] })
            .AddOtlpExporter((o, reader) =>
            {
                Exporter(o);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 600_000; // only the explicit flush below
            })
            .Build();

        for (var i = 0; i < 18; i++)
        {
            durations.Record(0.02, new KeyValuePair<string, object?>("http.response.status_code", 200));
        }
        durations.Record(0.7, new KeyValuePair<string, object?>("http.response.status_code", 500));
        durations.Record(0.7, new KeyValuePair<string, object?>("http.response.status_code", 503));
        Assert.True(metrics!.ForceFlush(10_000));

        var summary = MetricAnalysis.Summarize(fixture.Dashboard.Metrics, "notification-api", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        Assert.Equal(20, summary.Requests);
        Assert.Equal(0.10, summary.ErrorRate, precision: 6);
        Assert.InRange(summary.P50Milliseconds!.Value, 10, 50);
        Assert.InRange(summary.P99Milliseconds!.Value, 500, 1000);
    }
}

using MedMassage.AppHost.Dashboard.Telemetry;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Metrics.V1;
using static MedMassage.AppHost.Dashboard.Otlp.OtlpValues;
using ProtoSpan = OpenTelemetry.Proto.Trace.V1.Span;
using ProtoStatus = OpenTelemetry.Proto.Trace.V1.Status;

namespace MedMassage.AppHost.Dashboard.Otlp;

/// <summary>Translates OTLP export requests into the dashboard's records and hands them to the stores.</summary>
public sealed class OtlpTranslator(TraceStore traces, LogStore logs, MetricStore metrics)
{
    public int Ingest(ExportTraceServiceRequest request)
    {
        var spans = (
            from resourceSpans in request.ResourceSpans
            let service = ServiceName(resourceSpans.Resource)
            from scopeSpans in resourceSpans.ScopeSpans
            from span in scopeSpans.Spans
            where Id(span.TraceId) is not null && Id(span.SpanId) is not null
            select ToSpan(service, scopeSpans.Scope?.Name ?? "", span)).ToList();
        traces.Add(spans);
        return spans.Count;
    }

    public int Ingest(ExportLogsServiceRequest request)
    {
        var records = (
            from resourceLogs in request.ResourceLogs
            let service = ServiceName(resourceLogs.Resource)
            from scopeLogs in resourceLogs.ScopeLogs
            from record in scopeLogs.LogRecords
            select new StructuredLog(
                0,
                Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                service,
                StructuredLog.LevelOf((int)record.SeverityNumber),
                scopeLogs.Scope?.Name ?? "",
                Text(record.Body),
                Id(record.TraceId),
                Id(record.SpanId),
                Attributes(record.Attributes))).ToList();
        logs.Add(records);
        return records.Count;
    }

    public int Ingest(ExportMetricsServiceRequest request)
    {
        var count = 0;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = ServiceName(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                count += IngestMetric(service, metric);
            }
        }
        return count;
    }

    private int IngestMetric(string service, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Sum:
                var cumulative = metric.Sum.AggregationTemporality == AggregationTemporality.Cumulative;
                foreach (var p in metric.Sum.DataPoints)
                {
                    metrics.Add(service, metric.Name, metric.Unit, MetricKind.Sum, cumulative, AttributeMap(p.Attributes), Number(p));
                }
                return metric.Sum.DataPoints.Count;
            case Metric.DataOneofCase.Gauge:
                foreach (var p in metric.Gauge.DataPoints)
                {
                    metrics.Add(service, metric.Name, metric.Unit, MetricKind.Gauge, false, AttributeMap(p.Attributes), Number(p));
                }
                return metric.Gauge.DataPoints.Count;
            case Metric.DataOneofCase.Histogram:
                cumulative = metric.Histogram.AggregationTemporality == AggregationTemporality.Cumulative;
                foreach (var p in metric.Histogram.DataPoints)
                {
                    var point = new MetricPoint(Time(p.TimeUnixNano), Time(p.StartTimeUnixNano), 0, p.Count, p.HasSum ? p.Sum : 0,
                        [.. p.BucketCounts], [.. p.ExplicitBounds]);
                    metrics.Add(service, metric.Name, metric.Unit, MetricKind.Histogram, cumulative, AttributeMap(p.Attributes), point);
                }
                return metric.Histogram.DataPoints.Count;
            default:
                return 0; // exponential histograms and summaries are not exported by our services
        }
    }

    private static MetricPoint Number(NumberDataPoint p) =>
        new(Time(p.TimeUnixNano), Time(p.StartTimeUnixNano), p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble);

    private static TelemetrySpan ToSpan(string service, string scope, ProtoSpan span) => new(
        Id(span.TraceId)!,
        Id(span.SpanId)!,
        Id(span.ParentSpanId),
        service,
        span.Name,
        span.Kind switch
        {
            ProtoSpan.Types.SpanKind.Server => "server",
            ProtoSpan.Types.SpanKind.Client => "client",
            ProtoSpan.Types.SpanKind.Producer => "producer",
            ProtoSpan.Types.SpanKind.Consumer => "consumer",
            _ => "internal",
        },
        Time(span.StartTimeUnixNano),
        Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
        span.Status?.Code == ProtoStatus.Types.StatusCode.Error,
        string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
        scope,
        Attributes(span.Attributes),
        [.. span.Events.Select(e => new SpanEvent(Time(e.TimeUnixNano), e.Name, Attributes(e.Attributes)))]);
}

using Google.Protobuf;
using MedMassage.AppHost.Dashboard.Otlp;
using MedMassage.AppHost.Dashboard.Telemetry;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace MedMassage.Dashboard.Tests;

public sealed class OtlpTranslatorTests
{
    private static readonly byte[] TraceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");

    private static Span Span(string id, byte[] parent, string name) => new()
    {
        TraceId = ByteString.CopyFrom(TraceId),
        SpanId = ByteString.CopyFrom(Convert.FromHexString(id)),
        ParentSpanId = ByteString.CopyFrom(parent),
        Name = name,
        StartTimeUnixNano = 1_772_442_000_000_000_000,
        EndTimeUnixNano = 1_772_442_000_250_000_000,
        Attributes = { new KeyValue { Key = "http.response.status_code", Value = new AnyValue { IntValue = 201 } } },
    };

    [Fact]
    public void An_all_zero_parent_means_a_root_and_a_resource_without_a_name_is_an_unknown_service()
    {
        var traces = new TraceStore();
        var translator = new OtlpTranslator(traces, new LogStore(), new MetricStore());
        var request = new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new OpenTelemetry.Proto.Resource.V1.Resource(),
                    ScopeSpans = { new ScopeSpans { Spans = { Span("b7ad6b7169203331", new byte[8], "POST /api/referrals") } } },
                },
            },
        };

        Assert.Equal(1, translator.Ingest(request));

        var span = Assert.Single(traces.Get("0af7651916cd43dd8448eb211c80319c")!);
        Assert.Null(span.ParentSpanId);
        Assert.Equal("unknown_service", span.Service);
        Assert.Equal(TimeSpan.FromMilliseconds(250), span.Duration);
        Assert.Equal("201", span.Attribute("http.response.status_code"));
    }

    [Fact]
    public void Spans_without_ids_are_ignored()
    {
        var traces = new TraceStore();
        var translator = new OtlpTranslator(traces, new LogStore(), new MetricStore());
        var broken = Span("b7ad6b7169203331", [], "no trace id");
        broken.TraceId = ByteString.Empty;

        var request = new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { ScopeSpans = { new ScopeSpans { Spans = { broken } } } } } };

        Assert.Equal(0, translator.Ingest(request));
        Assert.Equal(0, traces.Count);
    }
}

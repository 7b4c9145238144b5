using Grpc.Core;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace MedMassage.AppHost.Dashboard.Otlp;

/// <summary>The OTLP/gRPC collector endpoints the services' exporters call.</summary>
public sealed class OtlpTraceReceiver(OtlpTranslator translator) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        translator.Ingest(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}

public sealed class OtlpLogsReceiver(OtlpTranslator translator) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        translator.Ingest(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}

public sealed class OtlpMetricsReceiver(OtlpTranslator translator) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        translator.Ingest(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}

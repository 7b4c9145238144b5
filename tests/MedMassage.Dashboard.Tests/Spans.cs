using MedMassage.AppHost.Dashboard.Telemetry;

namespace MedMassage.Dashboard.Tests;

/// <summary>Builds spans for store tests: times are milliseconds after a fixed instant.</summary>
internal static class Spans
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TelemetrySpan Span(
        string trace, string id, string? parent, string service, string name, double startMs, double endMs, bool error = false) =>
        new(trace, id, parent, service, name, parent is null ? "server" : "internal",
            T0.AddMilliseconds(startMs), T0.AddMilliseconds(endMs), error, error ? "failed" : null, "test", [], []);

    public static StructuredLog Log(string service, LogSeverity level, string message, string? trace = null, int second = 0) =>
        new(0, T0.AddSeconds(second), service, level, "Tests", message, trace, null, []);
}

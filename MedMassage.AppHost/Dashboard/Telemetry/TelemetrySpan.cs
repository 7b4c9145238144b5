namespace MedMassage.AppHost.Dashboard.Telemetry;

/// <summary>One finished span as the dashboard keeps it: ids in lowercase hex, times as instants.</summary>
public sealed record TelemetrySpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Name,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    string Scope,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<SpanEvent> Events)
{
    public TimeSpan Duration => End - Start;

    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key).Value;
}

public sealed record SpanEvent(DateTimeOffset Time, string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes);

/// <summary>A trace in the list: where it started, what it touched, how long it took, whether anything failed.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    TimeSpan Duration,
    int SpanCount,
    int ErrorCount);

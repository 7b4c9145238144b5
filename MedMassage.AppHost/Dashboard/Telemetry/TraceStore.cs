namespace MedMassage.AppHost.Dashboard.Telemetry;

/// <summary>
/// Recent traces in memory. Bounded twice: the oldest trace is forgotten when <paramref name="maxTraces"/> is
/// exceeded, and a runaway trace keeps only its first <paramref name="maxSpansPerTrace"/> spans.
/// </summary>
public sealed class TraceStore(int maxTraces = 2000, int maxSpansPerTrace = 1000)
{
    private readonly Dictionary<string, List<TelemetrySpan>> _traces = [];
    private readonly LinkedList<string> _arrival = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) { return _traces.Count; } }
    }

    /// <summary>Spans refused because their trace was already full.</summary>
    public long DroppedSpans { get; private set; }

    public void Add(IEnumerable<TelemetrySpan> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = [];
                    _traces[span.TraceId] = trace;
                    _arrival.AddLast(span.TraceId);
                    while (_traces.Count > maxTraces)
                    {
                        _traces.Remove(_arrival.First!.Value);
                        _arrival.RemoveFirst();
                    }
                }
                if (trace.Count >= maxSpansPerTrace)
                {
                    DroppedSpans++;
                    continue;
                }
                trace.Add(span);
            }
        }
    }

    /// <summary>The spans of one trace by start time, or null when it is unknown (or already forgotten).</summary>
    public IReadOnlyList<TelemetrySpan>? Get(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId.ToLowerInvariant(), out var trace) ? [.. trace.OrderBy(s => s.Start)] : null;
        }
    }

    /// <summary>Most recent first; <paramref name="service"/> keeps traces that touched it, <paramref name="text"/> matches span names and ids.</summary>
    public IReadOnlyList<TraceSummary> Recent(string? service = null, string? text = null, int limit = 100)
    {
        List<TelemetrySpan[]> traces;
        lock (_gate)
        {
            traces = [.. _traces.Values.Select(t => t.ToArray())];
        }
        return [.. traces
            .Where(t => string.IsNullOrEmpty(service) || t.Any(s => s.Service == service))
            .Where(t => string.IsNullOrEmpty(text) || t.Any(s => Matches(s, text)))
            .Select(Summarize)
            .OrderByDescending(t => t.Start)
            .Take(limit)];
    }

    public static TraceSummary Summarize(IReadOnlyList<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        // The root is the span without a parent; if it has not arrived yet, the earliest orphan stands in.
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId))
            .OrderBy(s => s.ParentSpanId is null ? 0 : 1).ThenBy(s => s.Start).First();
        var start = spans.Min(s => s.Start);
        return new TraceSummary(
            root.TraceId,
            root.Name,
            root.Service,
            [.. spans.OrderBy(s => s.Start).Select(s => s.Service).Distinct()],
            start,
            spans.Max(s => s.End) - start,
            spans.Count,
            spans.Count(s => s.IsError));
    }

    private static bool Matches(TelemetrySpan span, string text) =>
        span.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || span.TraceId.Equals(text, StringComparison.OrdinalIgnoreCase)
        || span.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}

namespace MedMassage.AppHost.Dashboard.Telemetry;

/// <summary>The most recent structured logs of all services; the oldest go once <paramref name="capacity"/> is reached.</summary>
public sealed class LogStore(int capacity = 10_000)
{
    private readonly Queue<StructuredLog> _logs = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public int Count
    {
        get { lock (_gate) { return _logs.Count; } }
    }

    /// <summary>Keeps the records in arrival order; each gets the next sequence number.</summary>
    public void Add(IEnumerable<StructuredLog> records)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                _logs.Enqueue(record with { Sequence = ++_sequence });
                while (_logs.Count > capacity)
                {
                    _logs.Dequeue();
                }
            }
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<StructuredLog> Query(LogQuery query)
    {
        StructuredLog[] all;
        lock (_gate)
        {
            all = [.. _logs];
        }
        return [.. all.Reverse()
            .Where(l => string.IsNullOrEmpty(query.Service) || l.Service == query.Service)
            .Where(l => query.MinimumLevel is null || l.Level >= query.MinimumLevel)
            .Where(l => string.IsNullOrEmpty(query.TraceId) || string.Equals(l.TraceId, query.TraceId, StringComparison.OrdinalIgnoreCase))
            .Where(l => string.IsNullOrEmpty(query.Text) || Matches(l, query.Text))
            .Take(query.Limit)];
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _logs.Select(l => l.Service).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    private static bool Matches(StructuredLog log, string text) =>
        log.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}

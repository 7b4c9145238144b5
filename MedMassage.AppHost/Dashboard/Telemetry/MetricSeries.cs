namespace MedMassage.AppHost.Dashboard.Telemetry;

public enum MetricKind { Gauge, Sum, Histogram }

/// <summary>
/// One exported value at one time. Sums and gauges carry <see cref="Value"/>; histograms their count, sum and
/// buckets (<see cref="BucketCounts"/> has one more entry than <see cref="Bounds"/>: the overflow bucket).
/// </summary>
public sealed record MetricPoint(
    DateTimeOffset Time,
    DateTimeOffset StartTime,
    double Value,
    ulong Count = 0,
    double Sum = 0,
    IReadOnlyList<ulong>? BucketCounts = null,
    IReadOnlyList<double>? Bounds = null);

/// <summary>The points of one instrument of one service with one set of attributes, the newest <paramref name="capacity"/> kept.</summary>
public sealed class MetricSeries(
    string service,
    string name,
    string unit,
    MetricKind kind,
    bool isCumulative,
    IReadOnlyDictionary<string, string> attributes,
    int capacity)
{
    private readonly Queue<MetricPoint> _points = new();
    private readonly Lock _gate = new();

    public string Service => service;
    public string Name => name;
    public string Unit => unit;
    public MetricKind Kind => kind;
    public bool IsCumulative => isCumulative;
    public IReadOnlyDictionary<string, string> Attributes => attributes;

    public void Add(MetricPoint point)
    {
        lock (_gate)
        {
            _points.Enqueue(point);
            while (_points.Count > capacity)
            {
                _points.Dequeue();
            }
        }
    }

    public IReadOnlyList<MetricPoint> Points()
    {
        lock (_gate)
        {
            return [.. _points];
        }
    }

    public string? Attribute(string key) => attributes.GetValueOrDefault(key);
}

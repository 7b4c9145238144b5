namespace MedMassage.AppHost.Dashboard.Telemetry;

/// <summary>
/// Metric series per service, instrument and attribute set. At most <paramref name="maxSeries"/> series (new
/// ones are refused beyond that: a label explosion must not eat the AppHost's memory) of
/// <paramref name="pointsPerSeries"/> points each (ten minutes at the AppHost's five-second export interval).
/// </summary>
public sealed class MetricStore(int maxSeries = 5000, int pointsPerSeries = 120)
{
    private readonly Dictionary<string, MetricSeries> _series = [];
    private readonly Lock _gate = new();

    public int SeriesCount
    {
        get { lock (_gate) { return _series.Count; } }
    }

    public long DroppedPoints { get; private set; }

    public void Add(
        string service, string name, string unit, MetricKind kind, bool isCumulative,
        IReadOnlyDictionary<string, string> attributes, MetricPoint point)
    {
        var key = $"{service}\n{name}\n{string.Join('\n', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}";
        MetricSeries? series;
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out series))
            {
                if (_series.Count >= maxSeries)
                {
                    DroppedPoints++;
                    return;
                }
                series = new MetricSeries(service, name, unit, kind, isCumulative, attributes, pointsPerSeries);
                _series[key] = series;
            }
        }
        series.Add(point);
    }

    public IReadOnlyList<MetricSeries> Series(string? service = null, string? name = null)
    {
        lock (_gate)
        {
            return [.. _series.Values
                .Where(s => service is null || s.Service == service)
                .Where(s => name is null || s.Name == name)];
        }
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _series.Values.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal)];
        }
    }
}

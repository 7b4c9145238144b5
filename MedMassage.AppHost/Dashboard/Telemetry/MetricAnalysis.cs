using System.Globalization;

namespace MedMassage.AppHost.Dashboard.Telemetry;

/// <summary>
/// Turns exported series into rates and percentiles. Services export cumulative values (the .NET default), so
/// what happened within a window is the newest point minus the last point before the window.
/// </summary>
public static class MetricAnalysis
{
    public const string RequestDuration = "http.server.request.duration";

    public static ServiceMetrics Summarize(MetricStore store, string service, DateTimeOffset now, TimeSpan window, int historySlots = 30)
    {
        var from = now - window;
        var series = store.Series(service);
        var requests = series.Where(s => s.Name == RequestDuration && s.Kind == MetricKind.Histogram && !IsProbe(s)).ToList();
        var seconds = EffectiveSeconds(series, from, now);

        var deltas = requests.Select(s => (Series: s, Delta: Delta(s, from))).Where(d => d.Delta is not null).ToList();
        double total = deltas.Sum(d => (double)d.Delta!.Count);
        double errors = deltas.Where(d => IsServerError(d.Series)).Sum(d => (double)d.Delta!.Count);
        var (buckets, bounds) = Merge(deltas.Select(d => d.Delta!));
        var scale = requests.FirstOrDefault()?.Unit == "ms" ? 1 : 1000;

        var counters = series
            .Where(s => s.Kind == MetricKind.Sum && s.Name.StartsWith("messaging.", StringComparison.Ordinal))
            .GroupBy(s => s.Name)
            .Select(g =>
            {
                var increase = g.Sum(s => Delta(s, from)?.Value ?? 0);
                return new CounterRate(g.Key, increase, increase / seconds);
            })
            .OrderBy(c => c.Instrument, StringComparer.Ordinal)
            .ToList();

        return new ServiceMetrics(
            service,
            total,
            total / seconds,
            total == 0 ? 0 : errors / total,
            Percentile(buckets, bounds, 0.50) * scale,
            Percentile(buckets, bounds, 0.95) * scale,
            Percentile(buckets, bounds, 0.99) * scale,
            counters.Where(c => IsPublish(c.Instrument)).Sum(c => c.PerSecond),
            counters.Where(c => IsConsume(c.Instrument)).Sum(c => c.PerSecond),
            counters,
            History(requests, now, window, historySlots));
    }

    /// <summary>The increase of one series since <paramref name="from"/> (sums: <see cref="MetricPoint.Value"/>; histograms: count and buckets).</summary>
    public static MetricPoint? Delta(MetricSeries series, DateTimeOffset from)
    {
        var points = series.Points();
        if (points.Count == 0 || points[^1].Time < from)
        {
            return null;
        }
        if (!series.IsCumulative)
        {
            return points.Where(p => p.Time > from).Aggregate((a, b) => Combine(a, b, 1));
        }
        var latest = points[^1];
        // A restarted process starts counting from zero: only points of the same run are comparable.
        var baseline = points.LastOrDefault(p => p.Time <= from && p.StartTime == latest.StartTime);
        return baseline is null ? latest : Combine(latest, baseline, -1);
    }

    /// <summary>The value below which <paramref name="quantile"/> of the observations fall, interpolated within its bucket.</summary>
    public static double? Percentile(IReadOnlyList<ulong> buckets, IReadOnlyList<double> bounds, double quantile)
    {
        var total = buckets.Aggregate(0UL, (a, b) => a + b);
        if (total == 0 || bounds.Count == 0)
        {
            return null;
        }
        var rank = quantile * total;
        double seen = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i] == 0)
            {
                continue;
            }
            if (seen + buckets[i] >= rank)
            {
                if (i >= bounds.Count)
                {
                    return bounds[^1]; // the overflow bucket has no upper bound
                }
                var lower = i == 0 ? 0 : bounds[i - 1];
                return lower + ((bounds[i] - lower) * (rank - seen) / buckets[i]);
            }
            seen += buckets[i];
        }
        return bounds[^1];
    }

    private static MetricPoint Combine(MetricPoint a, MetricPoint b, int sign)
    {
        var buckets = a.BucketCounts is null || b.BucketCounts is null || a.BucketCounts.Count != b.BucketCounts.Count
            ? a.BucketCounts
            : [.. a.BucketCounts.Zip(b.BucketCounts, (x, y) => sign > 0 ? x + y : x >= y ? x - y : 0)];
        return a with
        {
            Value = a.Value + (sign * b.Value),
            Count = sign > 0 ? a.Count + b.Count : a.Count >= b.Count ? a.Count - b.Count : 0,
            Sum = a.Sum + (sign * b.Sum),
            BucketCounts = buckets,
        };
    }

    private static (IReadOnlyList<ulong> Buckets, IReadOnlyList<double> Bounds) Merge(IEnumerable<MetricPoint> points)
    {
        ulong[] buckets = [];
        IReadOnlyList<double> bounds = [];
        foreach (var point in points.Where(p => p.BucketCounts is not null && p.Bounds is not null))
        {
            if (bounds.Count == 0)
            {
                bounds = point.Bounds!;
                buckets = new ulong[point.BucketCounts!.Count];
            }
            if (point.Bounds!.SequenceEqual(bounds) && point.BucketCounts!.Count == buckets.Length)
            {
                for (var i = 0; i < buckets.Length; i++)
                {
                    buckets[i] += point.BucketCounts[i];
                }
            }
        }
        return (buckets, bounds);
    }

    /// <summary>Requests per second in equal slots across the window, oldest first (for the chart).</summary>
    private static double[] History(IEnumerable<MetricSeries> requests, DateTimeOffset now, TimeSpan window, int slots)
    {
        var counts = new double[slots];
        var slot = window / slots;
        foreach (var series in requests)
        {
            MetricPoint? previous = null;
            foreach (var point in series.Points())
            {
                // A series is first exported with its first measurement, so its first point is all new.
                var increase = !series.IsCumulative || previous is null || previous.StartTime != point.StartTime
                    ? point.Count
                    : (double)point.Count - previous.Count;
                var index = Math.Min(slots - 1, (int)Math.Floor((point.Time - (now - window)) / slot));
                if (point.Time > now - window)
                {
                    counts[index] += Math.Max(0, increase);
                }
                previous = point;
            }
        }
        return [.. counts.Select(c => c / slot.TotalSeconds)];
    }

    /// <summary>The window, or less when every series began within it (a service that just started).</summary>
    private static double EffectiveSeconds(IEnumerable<MetricSeries> series, DateTimeOffset from, DateTimeOffset now)
    {
        var starts = series.Select(s => s.Points()).Where(p => p.Count > 0).Select(p => p[0].StartTime).ToList();
        var start = starts.Count > 0 && starts.Min() > from ? starts.Min() : from;
        return Math.Max(1, (now - start).TotalSeconds);
    }

    /// <summary>The AppHost's own health probes are not traffic: they would show every idle service busy.</summary>
    private static bool IsProbe(MetricSeries series) => series.Attribute("http.route") is "/health" or "/alive";

    private static bool IsServerError(MetricSeries series) =>
        int.TryParse(series.Attribute("http.response.status_code"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) && status >= 500;

    private static bool IsPublish(string instrument) =>
        instrument.EndsWith(".send", StringComparison.Ordinal) || instrument.EndsWith(".publish", StringComparison.Ordinal);

    private static bool IsConsume(string instrument) => instrument.EndsWith(".consume", StringComparison.Ordinal);
}

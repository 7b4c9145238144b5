using MedMassage.AppHost.Dashboard.Telemetry;

namespace MedMassage.Dashboard.Tests;

public sealed class MetricAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
    private static readonly Dictionary<string, string> Ok = new() { ["http.response.status_code"] = "200" };
    private static readonly Dictionary<string, string> Failed = new() { ["http.response.status_code"] = "500" };

    private static void Requests(MetricStore store, Dictionary<string, string> attributes, int second, ulong[] buckets, DateTimeOffset? processStart = null) =>
        store.Add("referral-api", MetricAnalysis.RequestDuration, "s", MetricKind.Histogram, isCumulative: true, attributes,
            new MetricPoint(Start.AddSeconds(second), processStart ?? Start, 0, (ulong)buckets.Sum(b => (long)b), 0, buckets, Bounds));

    [Fact]
    public void Rates_and_percentiles_come_from_what_happened_within_the_window()
    {
        var store = new MetricStore();
        // Cumulative: 100 fast requests before the window, then 90 more (80 in 10–25 ms, 10 in 250–500 ms) and 10 failures in it.
        Requests(store, Ok, 30, [100, 0, 0, 0, 0, 0, 0, 0, 0]);
        Requests(store, Ok, 90, [100, 0, 80, 0, 0, 0, 10, 0, 0]);
        Requests(store, Failed, 30, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Requests(store, Failed, 90, [0, 0, 10, 0, 0, 0, 0, 0, 0]);

        var metrics = MetricAnalysis.Summarize(store, "referral-api", Start.AddSeconds(90), TimeSpan.FromMinutes(1));

        Assert.Equal(100, metrics.Requests);
        Assert.Equal(100 / 60.0, metrics.RequestsPerSecond, precision: 6);
        Assert.Equal(0.10, metrics.ErrorRate, precision: 6);
        Assert.InRange(metrics.P50Milliseconds!.Value, 10, 25);
        Assert.InRange(metrics.P95Milliseconds!.Value, 250, 500);
        Assert.InRange(metrics.P99Milliseconds!.Value, 250, 500);
        // The chart: 30 slots of 2 s; everything arrived with the export at second 90, the window's last slot.
        Assert.Equal(30, metrics.RequestRateHistory.Count);
        Assert.Equal(100 / 2.0, metrics.RequestRateHistory[^1], precision: 6);
        Assert.Equal(0, metrics.RequestRateHistory.Take(29).Sum());
    }

    [Fact]
    public void Health_probes_are_not_counted_as_traffic()
    {
        var store = new MetricStore();
        Requests(store, new() { ["http.route"] = "/health", ["http.response.status_code"] = "200" }, 60, [12, 0, 0, 0, 0, 0, 0, 0, 0]);
        Requests(store, new() { ["http.route"] = "/api/referrals", ["http.response.status_code"] = "200" }, 60, [0, 3, 0, 0, 0, 0, 0, 0, 0]);

        var metrics = MetricAnalysis.Summarize(store, "referral-api", Start.AddSeconds(60), TimeSpan.FromMinutes(1));

        Assert.Equal(3, metrics.Requests);
    }

    [Fact]
    public void A_restarted_service_counts_from_zero_again()
    {
        var store = new MetricStore();
        Requests(store, Ok, 10, [500, 0, 0, 0, 0, 0, 0, 0, 0]);
        // The process restarted at second 70 and has served 6 requests since.
        Requests(store, Ok, 80, [6, 0, 0, 0, 0, 0, 0, 0, 0], processStart: Start.AddSeconds(70));

        var metrics = MetricAnalysis.Summarize(store, "referral-api", Start.AddSeconds(80), TimeSpan.FromMinutes(1));

        Assert.Equal(6, metrics.Requests);
    }

    [Fact]
    public void Messaging_counters_become_publish_and_consume_rates()
    {
        var store = new MetricStore();
        void Counter(string name, int second, double value) => store.Add("referral-api", name, "{message}", MetricKind.Sum, true,
            new Dictionary<string, string>(), new MetricPoint(Start.AddSeconds(second), Start, value));
        Counter("messaging.masstransit.send", 0, 10);
        Counter("messaging.masstransit.send", 60, 40);
        Counter("messaging.masstransit.consume", 0, 0);
        Counter("messaging.masstransit.consume", 60, 12);

        var metrics = MetricAnalysis.Summarize(store, "referral-api", Start.AddSeconds(60), TimeSpan.FromMinutes(1));

        Assert.Equal(0.5, metrics.PublishedPerSecond, precision: 6);
        Assert.Equal(0.2, metrics.ConsumedPerSecond, precision: 6);
        Assert.Contains(metrics.Counters, c => c.Instrument == "messaging.masstransit.send" && c.Increase == 30);
    }

    [Fact]
    public void Percentiles_interpolate_within_a_bucket()
    {
        // 10 observations in (0.1, 0.2]: the median lies halfway.
        Assert.Equal(0.15, MetricAnalysis.Percentile([0, 10, 0], [0.1, 0.2], 0.5)!.Value, precision: 9);
        Assert.Null(MetricAnalysis.Percentile([0, 0, 0], [0.1, 0.2], 0.5));
        // Everything in the overflow bucket: the last bound is all that is known.
        Assert.Equal(0.2, MetricAnalysis.Percentile([0, 0, 4], [0.1, 0.2], 0.99));
    }

    [Fact]
    public void The_store_refuses_new_series_beyond_its_limit_and_keeps_the_newest_points()
    {
        var store = new MetricStore(maxSeries: 2, pointsPerSeries: 3);
        foreach (var route in new[] { "/a", "/b", "/c" })
        {
            foreach (var second in Enumerable.Range(0, 5))
            {
                store.Add("gateway", "http.server.active_requests", "{request}", MetricKind.Sum, false,
                    new Dictionary<string, string> { ["http.route"] = route }, new MetricPoint(Start.AddSeconds(second), Start, second));
            }
        }

        Assert.Equal(2, store.SeriesCount);
        Assert.Equal(5, store.DroppedPoints);
        Assert.All(store.Series(), s => Assert.Equal([2.0, 3.0, 4.0], s.Points().Select(p => p.Value)));
    }
}

namespace MedMassage.AppHost.Dashboard.Telemetry;

/// <summary>What the metrics page shows for one service over the chosen window.</summary>
public sealed record ServiceMetrics(
    string Service,
    double Requests,
    double RequestsPerSecond,
    double ErrorRate,
    double? P50Milliseconds,
    double? P95Milliseconds,
    double? P99Milliseconds,
    double PublishedPerSecond,
    double ConsumedPerSecond,
    IReadOnlyList<CounterRate> Counters,
    IReadOnlyList<double> RequestRateHistory);

/// <summary>A monotonic counter's increase over the window and its rate.</summary>
public sealed record CounterRate(string Instrument, double Increase, double PerSecond);

using System.Diagnostics;

namespace MedMassage.LoadTest;

/// <summary>
/// Every answer of a run: its status (0 when no answer came: timeout or connection error), its latency, when it
/// finished, and how late it was sent. Latency is counted from the time the request was due, so a generator that
/// falls behind (or a server that makes it wait) shows up in the figures instead of hiding.
/// </summary>
public sealed class Recorder(int expected)
{
    private readonly Lock _gate = new();
    private readonly List<Sample> _samples = new(Math.Min(expected, 100_000));
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Add(int status, TimeSpan due, TimeSpan sent)
    {
        var done = _clock.Elapsed;
        lock (_gate)
        {
            _samples.Add(new Sample(status, (done - due).TotalMilliseconds, (sent - due).TotalMilliseconds, done.TotalSeconds, due.TotalSeconds));
        }
    }

    public RunResult Result(string name, int successStatus, string? note = null)
    {
        List<Sample> samples;
        lock (_gate)
        {
            samples = [.. _samples];
        }
        var latencies = samples.Where(s => s.Status != 0).Select(s => s.LatencyMs).Order().ToArray();
        var wall = samples.Count == 0 ? 0 : samples.Max(s => s.DoneAt);
        var successes = samples.Where(s => s.Status == successStatus).ToList();
        var perSecond = Enumerable.Range(0, (int)Math.Floor(wall)).Select(second => successes.Count(s => (int)s.DoneAt == second)).ToArray();
        return new RunResult(name, samples.Count, successes.Count,
            samples.GroupBy(s => s.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.LastOrDefault(),
            Percentile([.. samples.Select(s => s.SendLagMs).Order()], 0.99), wall, perSecond, note)
        {
            SlowestSeconds = SlowestSeconds(samples),
        };
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// The whole seconds (by when requests were due, from the first) holding the most of the slowest 1% of answers:
    /// tells a few stalls (a handful of seconds hold them all) from load spread evenly.
    /// </summary>
    private static IReadOnlyList<SlowSecond> SlowestSeconds(List<Sample> samples)
    {
        var answered = samples.Where(s => s.Status != 0).ToList();
        if (answered.Count < 100)
        {
            return [];
        }
        var first = answered.Min(s => s.DueAt);
        var threshold = Percentile([.. answered.Select(s => s.LatencyMs).Order()], 0.99);
        return [.. answered.Where(s => s.LatencyMs >= threshold)
            .GroupBy(s => (int)(s.DueAt - first))
            .Select(g => new SlowSecond(g.Key, g.Count(), g.Max(s => s.LatencyMs)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Second)
            .Take(5)];
    }

    private readonly record struct Sample(int Status, double LatencyMs, double SendLagMs, double DoneAt, double DueAt);
}

public sealed record SlowSecond(int Second, int Count, double MaxMs);

public sealed record RunResult(
    string Name, int Requests, int Successes, IReadOnlyDictionary<int, int> Statuses,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, double SendLagP99Ms, double WallSeconds,
    IReadOnlyList<int> SuccessesPerSecond, string? Note)
{
    public double SuccessRate => WallSeconds > 0 ? Successes / WallSeconds : 0;

    public double RequestRate => WallSeconds > 0 ? Requests / WallSeconds : 0;

    /// <summary>No answer, or an answer other than success and 409 (which is a correct refusal when slots are raced for).</summary>
    public int Errors => Statuses.Where(s => s.Key is not (200 or 201 or 409)).Sum(s => s.Value);

    public int Conflicts => Statuses.GetValueOrDefault(409);

    public CpuUsage? Cpu { get; init; }

    public IReadOnlyList<SlowSecond> SlowestSeconds { get; init; } = [];

    /// <summary>PostgreSQL transactions per database during the run (and the second after it).</summary>
    public IReadOnlyDictionary<string, long>? Transactions { get; init; }
}

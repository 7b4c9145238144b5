using System.Globalization;
using System.Text;

namespace MedMassage.LoadTest;

/// <summary>The figures, as plain text: one line per run, then where the processor time went in each.</summary>
public static class Report
{
    public static string Runs(IEnumerable<RunResult> runs)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{"run",-52} {"requests",8} {"ok",6} {"409",5} {"errors",6} {"ok/s",7} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"max ms",7} {"lag p99",7}"));
        foreach (var r in runs)
        {
            text.AppendLine(Invariant($"{r.Name,-52} {r.Requests,8} {r.Successes,6} {r.Conflicts,5} {r.Errors,6} {r.SuccessRate,7:0.0} {r.P50Ms,7:0.0} {r.P95Ms,7:0.0} {r.P99Ms,7:0.0} {r.MaxMs,7:0} {r.SendLagP99Ms,7:0.0}"));
            var other = r.Statuses.Where(s => s.Key is not (200 or 201 or 409)).Select(s => s.Key == 0 ? $"no answer × {s.Value}" : $"{s.Key} × {s.Value}");
            var seconds = r.SuccessesPerSecond.Count > 2 ? r.SuccessesPerSecond.Skip(1).SkipLast(1).ToList() : [.. r.SuccessesPerSecond];
            var perSecond = seconds.Count > 0 ? Invariant($"min {seconds.Min()}, median {Median(seconds)}, max {seconds.Max()}") : "n/a";
            text.AppendLine(Invariant($"    over {r.WallSeconds:0.0} s ({r.RequestRate:0.0} requests/s); ok per whole second: {perSecond}")
                + (other.Any() ? $"; other answers: {string.Join(", ", other)}" : "") + (r.Note is null ? "" : $"; {r.Note}"));
            if (r.SlowestSeconds.Count > 0)
            {
                text.AppendLine("    slowest 1% by second due: " + string.Join(", ", r.SlowestSeconds.Select(s => Invariant($"{s.Second} s: {s.Count} (max {s.MaxMs:0} ms)"))));
            }
        }
        return text.ToString();
    }

    public static string Cpu(IEnumerable<RunResult> runs)
    {
        var measured = runs.Where(r => r.Cpu is not null).ToList();
        if (measured.Count == 0)
        {
            return "";
        }
        var names = measured.SelectMany(r => r.Cpu!.PerResource.Keys).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine("CPU, in cores (2 = the whole machine), per run:");
        text.AppendLine(Invariant($"{"",-44}") + string.Concat(measured.Select((_, i) => Invariant($" {"run " + (i + 1),8}"))));
        foreach (var name in names.OrderByDescending(n => measured.Max(r => r.Cpu!.PerResource.GetValueOrDefault(n))))
        {
            text.AppendLine(Invariant($"{name,-44}") + string.Concat(measured.Select(r => Invariant($" {r.Cpu!.PerResource.GetValueOrDefault(name),8:0.00}"))));
        }
        text.AppendLine(Invariant($"{"everything else on the machine",-44}") + string.Concat(measured.Select(r => Invariant($" {r.Cpu!.Other,8:0.00}"))));
        text.AppendLine(Invariant($"{"machine total",-44}") + string.Concat(measured.Select(r => Invariant($" {r.Cpu!.MachineCores,8:0.00}"))));
        for (var i = 0; i < measured.Count; i++)
        {
            text.AppendLine(Invariant($"  run {i + 1}: {measured[i].Name}"));
        }
        return text.ToString();
    }

    public static string Transactions(IEnumerable<RunResult> runs)
    {
        var text = new StringBuilder("PostgreSQL transactions per request sent, per database:" + Environment.NewLine);
        foreach (var r in runs.Where(r => r.Transactions is not null && r.Requests > 0))
        {
            var perDatabase = r.Transactions!.Where(d => d.Value > 0).OrderByDescending(d => d.Value)
                .Select(d => Invariant($"{d.Key} {(double)d.Value / r.Requests:0.0}"));
            text.AppendLine(Invariant($"  {r.Name}: {string.Join(", ", perDatabase)}"));
        }
        return text.ToString();
    }

    private static int Median(List<int> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

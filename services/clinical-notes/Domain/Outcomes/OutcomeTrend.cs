using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;

namespace MedMassage.ClinicalNotes.Api.Domain.Outcomes;

/// <summary>Baseline and latest value of one metric, with the goal's target where the plan sets one.</summary>
public sealed record MetricTrend(string Metric, decimal Baseline, decimal Latest, decimal? Target, bool? GoalReached)
{
    public decimal Change => Latest - Baseline;
}

/// <summary>
/// Outcome trends of a referral, built from signed records only: the initial evaluation is the baseline; later signed
/// re-evaluations (and, for pain, signed visit notes' pain before treatment) give the latest values.
/// </summary>
public static class OutcomeTrend
{
    public static IReadOnlyList<MetricTrend> For(IReadOnlyList<Evaluation> evaluations, IReadOnlyList<VisitNote> notes, IReadOnlyList<Goal> goals)
    {
        var signed = evaluations.Where(e => e.IsSigned).OrderBy(e => e.SignedAt).ToList();
        var baseline = signed.FirstOrDefault(e => e.Kind == EvaluationKind.Initial);
        if (baseline is null)
        {
            return [];
        }
        var trends = new List<MetricTrend>();

        var painReadings = signed.Select(e => (At: e.SignedAt!.Value, Value: e.Content.PainScore))
            .Concat(notes.Where(n => n.IsSigned).Select(n => (At: n.SignedAt!.Value, Value: n.Content.PainBefore)))
            .OrderBy(r => r.At)
            .ToList();
        trends.Add(Trend(OutcomeMetric.ForPain(), baseline.Content.PainScore, painReadings[^1].Value, goals));

        if (baseline.Content.Outcome is { } outcome)
        {
            var latest = signed.LastOrDefault(e => e.Content.Outcome?.Measure == outcome.Measure)?.Content.Outcome ?? outcome;
            trends.Add(Trend(OutcomeMetric.ForMeasure(outcome.Measure), outcome.Score, latest.Score, goals));
        }

        foreach (var rom in baseline.Content.RangeOfMotion)
        {
            var metric = OutcomeMetric.ForRangeOfMotion(rom.Joint, rom.Motion);
            var latest = signed.SelectMany(e => e.Content.RangeOfMotion)
                .LastOrDefault(r => OutcomeMetric.ForRangeOfMotion(r.Joint, r.Motion).Key == metric.Key) ?? rom;
            trends.Add(Trend(metric, rom.Degrees, latest.Degrees, goals));
        }
        return trends;
    }

    /// <summary>Whether every goal with a measured trend has been reached (false when no goal could be measured).</summary>
    public static bool AllGoalsReached(IReadOnlyList<MetricTrend> trends) =>
        trends.Any(t => t.GoalReached is not null) && trends.Where(t => t.GoalReached is not null).All(t => t.GoalReached == true);

    private static MetricTrend Trend(OutcomeMetric metric, decimal baseline, decimal latest, IReadOnlyList<Goal> goals)
    {
        var goal = goals.FirstOrDefault(g => OutcomeMetric.TryParse(g.Metric, out var m) && m.Key == metric.Key);
        return new MetricTrend(metric.Key, baseline, latest, goal?.Target, goal is null ? null : metric.Reaches(latest, goal.Target));
    }
}

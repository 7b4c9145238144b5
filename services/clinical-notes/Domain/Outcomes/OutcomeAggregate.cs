namespace MedMassage.ClinicalNotes.Api.Domain.Outcomes;

/// <summary>The outcome of one referral's care, as the aggregates count it.</summary>
public sealed record CareOutcome(IReadOnlyList<MetricTrend> Trends, int VisitsUsed)
{
    public bool HasGoals => Trends.Any(t => t.GoalReached is not null);
    public bool AllGoalsReached => OutcomeTrend.AllGoalsReached(Trends);
    public decimal? PainChange => Trends.FirstOrDefault(t => t.Metric == OutcomeMetric.Pain)?.Change;
}

/// <summary>Figures a clinic pays and compares therapists and locations by.</summary>
public sealed record OutcomeAggregate(int Referrals, int ReferralsWithGoals, decimal? ShareReachingGoals, decimal? MeanPainChange, decimal? MeanVisitsUsed)
{
    public static OutcomeAggregate Of(IReadOnlyList<CareOutcome> outcomes)
    {
        var withGoals = outcomes.Where(o => o.HasGoals).ToList();
        var painChanges = outcomes.Select(o => o.PainChange).OfType<decimal>().ToList();
        return new OutcomeAggregate(
            outcomes.Count,
            withGoals.Count,
            withGoals.Count == 0 ? null : Math.Round((decimal)withGoals.Count(o => o.AllGoalsReached) / withGoals.Count, 3),
            painChanges.Count == 0 ? null : Math.Round(painChanges.Average(), 2),
            outcomes.Count == 0 ? null : Math.Round((decimal)outcomes.Average(o => o.VisitsUsed), 2));
    }
}

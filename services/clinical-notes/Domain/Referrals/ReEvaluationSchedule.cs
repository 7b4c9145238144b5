namespace MedMassage.ClinicalNotes.Api.Domain.Referrals;

/// <summary>A re-evaluation (with progress report) is due every 10 signed visits or 30 days, whichever comes first.</summary>
public static class ReEvaluationSchedule
{
    public const int VisitInterval = 10;
    public static readonly TimeSpan TimeInterval = TimeSpan.FromDays(30);

    public static bool IsDue(int visitsSinceEvaluation, DateTimeOffset lastEvaluationAt, DateTimeOffset now) =>
        visitsSinceEvaluation >= VisitInterval || now >= lastEvaluationAt + TimeInterval;

    /// <summary>The date by which it must happen: today once the visit count is reached, else 30 days after the last one.</summary>
    public static DateOnly DueBy(int visitsSinceEvaluation, DateTimeOffset lastEvaluationAt, DateTimeOffset now)
    {
        var byTime = DateOnly.FromDateTime((lastEvaluationAt + TimeInterval).UtcDateTime);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return visitsSinceEvaluation >= VisitInterval && today < byTime ? today : byTime;
    }
}

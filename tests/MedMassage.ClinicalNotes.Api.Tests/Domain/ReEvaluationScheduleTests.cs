using MedMassage.ClinicalNotes.Api.Domain.Referrals;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class ReEvaluationScheduleTests
{
    private static readonly DateTimeOffset Evaluated = Clinic.Monday;

    [Fact]
    public void Nine_visits_within_30_days_do_not_make_a_re_evaluation_due() =>
        Assert.False(ReEvaluationSchedule.IsDue(9, Evaluated, Evaluated.AddDays(29)));

    [Fact]
    public void The_tenth_visit_makes_it_due_and_due_today()
    {
        Assert.True(ReEvaluationSchedule.IsDue(10, Evaluated, Evaluated.AddDays(12)));
        Assert.Equal(DateOnly.FromDateTime(Evaluated.AddDays(12).UtcDateTime), ReEvaluationSchedule.DueBy(10, Evaluated, Evaluated.AddDays(12)));
    }

    [Fact]
    public void Thirty_days_make_it_due_whatever_the_visit_count()
    {
        Assert.True(ReEvaluationSchedule.IsDue(2, Evaluated, Evaluated.AddDays(30)));
        Assert.Equal(DateOnly.FromDateTime(Evaluated.AddDays(30).UtcDateTime), ReEvaluationSchedule.DueBy(2, Evaluated, Evaluated.AddDays(5)));
    }

    [Fact]
    public void It_is_announced_once_per_cycle_and_a_new_evaluation_restarts_the_cycle()
    {
        var referral = Clinic.Referral(authorizedVisits: 30);
        referral.RecordEvaluation(Guid.NewGuid(), Evaluated);
        for (var i = 0; i < 9; i++)
        {
            referral.RecordSignedVisit();
            Assert.False(referral.TryMarkReEvaluationDue(Evaluated.AddDays(i + 1)));
        }

        referral.RecordSignedVisit();
        Assert.True(referral.TryMarkReEvaluationDue(Evaluated.AddDays(11)));
        referral.RecordSignedVisit();
        Assert.False(referral.TryMarkReEvaluationDue(Evaluated.AddDays(12)));

        referral.RecordEvaluation(Guid.NewGuid(), Evaluated.AddDays(13));
        Assert.Equal(0, referral.VisitsSinceEvaluation);
        Assert.Equal(11, referral.SignedVisits);
        Assert.False(referral.TryMarkReEvaluationDue(Evaluated.AddDays(14)));
        Assert.True(referral.TryMarkReEvaluationDue(Evaluated.AddDays(43)));
    }
}

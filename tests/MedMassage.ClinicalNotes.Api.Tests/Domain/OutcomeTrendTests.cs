using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class OutcomeTrendTests
{
    private static VisitNote SignedNote(CareReferral referral, Guid planId, int painBefore, DateTimeOffset at)
    {
        var content = VisitNoteContent.Create("s", "o", "a", "p", [Clinic.Technique("Massage")], painBefore, painBefore, Tolerance.Good, null);
        var note = Clinic.Note(referral, Clinic.Appointment(referral, "treatment", at), planId, 1, content, at);
        note.Sign(referral, Clinic.Treating(note.AppointmentId), at);
        return note;
    }

    [Fact]
    public void The_initial_evaluation_is_the_baseline_and_the_latest_signed_record_the_latest_value()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral); // pain 7, Oswestry 44 %, lumbar flexion 40°
        var notes = new[] { SignedNote(referral, Guid.NewGuid(), 5, Clinic.Monday.AddDays(3)), SignedNote(referral, Guid.NewGuid(), 3, Clinic.Monday.AddDays(7)) };

        var trends = OutcomeTrend.For([evaluation], notes, evaluation.Content.Goals);

        var pain = Assert.Single(trends, t => t.Metric == "pain");
        Assert.Equal((7m, 3m, -4m, 3m, true), (pain.Baseline, pain.Latest, pain.Change, pain.Target, pain.GoalReached));
        var oswestry = Assert.Single(trends, t => t.Metric == "Oswestry");
        Assert.Equal((44m, 44m, false), (oswestry.Baseline, oswestry.Latest, oswestry.GoalReached));
        var flexion = Assert.Single(trends, t => t.Metric == "rom:lumbar:flexion");
        Assert.Equal((40m, null), (flexion.Baseline, flexion.GoalReached));
        Assert.False(OutcomeTrend.AllGoalsReached(trends));
    }

    [Fact]
    public void Unsigned_records_never_count()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral);
        var draft = Clinic.Note(referral, Clinic.Appointment(referral, "treatment"), Guid.NewGuid(), 1,
            VisitNoteContent.Create("s", "o", "a", "p", [Clinic.Technique("Massage")], 0, 0, Tolerance.Good, null), Clinic.Monday.AddDays(1));

        var pain = Assert.Single(OutcomeTrend.For([evaluation], [draft], evaluation.Content.Goals), t => t.Metric == "pain");

        Assert.Equal(7m, pain.Latest);
        Assert.Empty(OutcomeTrend.For([Clinic.Evaluate(referral, Clinic.Appointment(referral, "evaluation"), EvaluationKind.Initial, Clinic.Content(), null, Clinic.Monday)], [], []));
    }

    [Fact]
    public void Aggregates_give_the_share_reaching_goals_the_mean_pain_change_and_visits_used()
    {
        static MetricTrend Pain(decimal from, decimal to) => new("pain", from, to, 3, to <= 3);
        var outcomes = new[]
        {
            new CareOutcome([Pain(8, 2)], 10),
            new CareOutcome([Pain(6, 4)], 6),
            new CareOutcome([new MetricTrend("pain", 5, 4, null, null)], 2), // no goal set: not in the share
        };

        var aggregate = OutcomeAggregate.Of(outcomes);

        Assert.Equal(new OutcomeAggregate(3, 2, 0.5m, -3m, 6m), aggregate);
        Assert.Equal(new OutcomeAggregate(0, 0, null, null, null), OutcomeAggregate.Of([]));
    }
}

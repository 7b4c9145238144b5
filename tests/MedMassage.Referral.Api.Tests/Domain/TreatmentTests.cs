using MedMassage.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using static MedMassage.Referral.Api.Tests.Support.DomainReferrals;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed class TreatmentTests
{
    private static readonly Actor Clinical = Actor.Service("clinical-notes");
    private static readonly ContraindicationFinding Fever = new("Fever", ContraindicationEffect.BlocksAllTreatment, null);

    [Fact]
    public void The_first_evaluation_moves_an_accepted_referral_into_treatment()
    {
        var referral = Accepted();
        var evaluation = Guid.NewGuid();

        Assert.True(referral.RecordEvaluation(evaluation, [new("Varicose veins", ContraindicationEffect.ExcludesLocalArea, "left-calf")], Clinical, Now));

        Assert.Equal((ReferralStatus.InTreatment, evaluation), (referral.Status, referral.EvaluationId));
        Assert.Empty(referral.Facts(out var state));
        Assert.True(state!.EvaluationCompleted);
    }

    [Fact]
    public void A_finding_that_blocks_all_treatment_puts_the_referral_on_hold_and_resuming_returns_to_treatment()
    {
        var referral = Accepted();

        referral.RecordEvaluation(Guid.NewGuid(), [Fever], Clinical, Now);

        Assert.Equal(ReferralStatus.OnHold, referral.Status);
        Assert.Contains("Fever", referral.PublishedState().StatusReason, StringComparison.Ordinal);
        referral.Resume(Staff, Now);
        Assert.Equal(ReferralStatus.InTreatment, referral.Status);
    }

    [Fact]
    public void Evaluations_do_not_apply_before_acceptance_or_after_closing()
    {
        var received = Received();
        var rejected = Received();
        rejected.Reject("no", Staff, Now);

        Assert.False(received.RecordEvaluation(Guid.NewGuid(), [], Clinical, Now));
        Assert.False(rejected.RecordEvaluation(Guid.NewGuid(), [], Clinical, Now));
        Assert.Equal(ReferralStatus.Received, received.Status);
        Assert.Null(received.EvaluationId);
    }

    [Fact]
    public void The_plan_status_follows_activation_and_certification_and_ignores_an_older_version()
    {
        var referral = InTreatment();
        var plan = Guid.NewGuid();
        var due = Today.AddDays(30);

        referral.RecordPlan(plan, 2, "active", due, Clinical, Now);
        referral.RecordPlan(plan, 2, "certified", null, Clinical, Now);
        Assert.False(referral.RecordPlan(plan, 1, "active", Today, Clinical, Now));

        Assert.Equal((plan, 2, "certified", due), (referral.PlanId!.Value, referral.PlanVersion!.Value, referral.PlanStatus, referral.PlanCertificationDueBy!.Value));
    }

    [Fact]
    public void Discharge_completes_a_referral_in_treatment_but_not_one_never_evaluated()
    {
        var treated = InTreatment();
        var accepted = Accepted();

        treated.Complete("goals met", Clinical, Now);

        Assert.Equal(ReferralStatus.Completed, treated.Status);
        Assert.Equal("completed", treated.PublishedState().Status);
        Assert.Throws<RuleViolation>(() => accepted.Complete("goals met", Clinical, Now));
    }
}

using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ClinicalProgressTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Evaluation_starts_treatment_the_plan_shows_on_the_referral_and_discharge_completes_it()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        await app.AcceptAsync(referral.Id);
        var evaluationId = Guid.NewGuid();
        var planId = Guid.NewGuid();
        var dueBy = TestReferrals.Today().AddDays(30);

        await probe.PublishAsync(new EvaluationCompleted(evaluationId, referral.Id, Guid.NewGuid(), Guid.NewGuid(), 6, []));
        var inTreatment = await Eventually.WaitAsync(() => app.GetAsync(referral.Id), r => r.Status == "in-treatment", what: "in treatment");
        await probe.PublishAsync(new TreatmentPlanActivated(planId, 1, referral.Id, ["myofascial-release"], ["lower-back"], 2, 6, 12, dueBy));
        var planned = await Eventually.WaitAsync(() => app.GetAsync(referral.Id), r => r.Plan.Status == "active", what: "plan active");
        await probe.PublishAsync(new DischargeSummaryIssued(Guid.NewGuid(), referral.Id, "doc://discharge/1", "goals met"));
        var completed = (await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Status == "completed")).Referral;

        Assert.Equal(new EvaluationView("completed", evaluationId, inTreatment.Evaluation.CompletedAt), inTreatment.Evaluation);
        Assert.Equal(new PlanView("active", planId, 1, dueBy), planned.Plan);
        Assert.Equal(new VisitCounts(12, 0, 12), completed.Visits);
        var details = await app.GetAsync(referral.Id);
        Assert.Equal("completed", details.Status);
        Assert.Equal("service:clinical-notes", details.History[^1].ActorId);
    }

    [Fact]
    public async Task An_evaluation_finding_that_blocks_all_treatment_puts_the_referral_on_hold()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        await app.AcceptAsync(referral.Id);

        await probe.PublishAsync(new EvaluationCompleted(Guid.NewGuid(), referral.Id, Guid.NewGuid(), Guid.NewGuid(), 8,
            [new ContraindicationFinding("Fever", ContraindicationEffect.BlocksAllTreatment, null)]));

        var held = (await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Status == "on-hold")).Referral;
        Assert.Contains("Fever", held.StatusReason, StringComparison.Ordinal);
        var details = await app.GetAsync(referral.Id);
        Assert.Equal("on-hold", details.Status);
        Assert.Equal("completed", details.Evaluation.Status);
        Assert.Equal(["received", "accepted", "evaluation-completed", "put-on-hold"], details.History.Select(h => h.Action));
        var resumed = await app.ActAsync(referral.Id, "resume");
        Assert.Equal("in-treatment", (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ReferralDetails>(resumed.Content))!.Status);
    }
}

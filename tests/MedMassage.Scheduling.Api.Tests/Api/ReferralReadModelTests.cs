using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ReferralReadModelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_referral_copy_follows_the_referral_service_and_the_plan()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var id = await service.AcceptReferralAsync(["lymphatic drainage", "myofascial release"], awaitingClearance: ["lymphatic drainage"]);

        await service.ChangeReferralAsync(id, s => s with { Status = "on-hold", StatusReason = "insurance re-check" });
        await service.ReferralAsync(id, r => r.GetProperty("status").GetString() == "on-hold" && r.GetProperty("statusReason").GetString() == "insurance re-check");

        await service.ChangeReferralAsync(id, s => s with { Status = "in-treatment", StatusReason = null, EvaluationCompleted = true });
        await service.ChangeReferralAsync(id, s => s.Cleared("lymphatic drainage"));
        await service.ChangeReferralAsync(id, s => s with { Visits = new VisitCounts(10, 3, 7), ValidUntil = new DateOnly(2026, 11, 30) });
        var planId = Guid.NewGuid();
        await service.Probe.PublishAsync(new TreatmentPlanRevised(planId, 2, id, ["myofascial release"], ["neck"], 3, 4, 12));
        await service.Probe.PublishAsync(new TreatmentPlanActivated(planId, 1, id, ["lymphatic drainage"], ["neck"], 2, 6, 12, new DateOnly(2026, 7, 1)));

        await service.ReferralAsync(id, r =>
            r.GetProperty("status").GetString() == "in-treatment"
            && r.GetProperty("techniquesAwaitingClearance").GetArrayLength() == 0
            && r.GetProperty("visitsRemaining").GetInt32() == 7
            && r.GetProperty("evaluationCompleted").GetBoolean()
            && r.GetProperty("hasActivePlan").GetBoolean());
        // Version 1 may arrive after version 2; once version 2 is there, nothing older replaces it.
        await service.ReferralAsync(id, r => r.GetProperty("planVersion").GetInt32() == 2);
        await Task.Delay(1000);
        var referral = await service.ReferralAsync(id, _ => true);
        Assert.Equal(2, referral.GetProperty("planVersion").GetInt32());
        Assert.Equal(3, referral.GetProperty("planSessionsPerWeek").GetInt32());
        Assert.Equal("2026-11-30", referral.GetProperty("validUntil").GetString());

        await service.ChangeReferralAsync(id, s => s with { Status = "cancelled", StatusReason = "patient moved away" });
        await service.ReferralAsync(id, r => r.GetProperty("status").GetString() == "cancelled");
    }

    [Fact]
    public async Task Clearances_recorded_in_quick_succession_leave_nothing_awaiting_whatever_order_they_arrive_in()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var techniques = new[] { "lymphatic drainage", "scar tissue release", "craniosacral therapy" };
        var id = await service.AcceptReferralAsync(techniques, awaitingClearance: techniques);
        var first = await service.ChangeReferralAsync(id, s => s.Cleared(techniques[0]));
        var second = first.Clearing(techniques[1]);
        var third = second.Clearing(techniques[2]);

        // The newest clearance overtakes the two before it, as three quick requests on separate queues can.
        await service.Probe.PublishAsync(new ReferralChanged(third));
        await service.Probe.PublishAsync(new ReferralChanged(second));
        await service.Probe.PublishAsync(new ReferralChanged(first));

        await service.ReferralAsync(id, r => r.GetProperty("version").GetInt64() == third.Version);
        await Task.Delay(1000);
        var referral = await service.ReferralAsync(id, _ => true);
        Assert.Equal(third.Version, referral.GetProperty("version").GetInt64());
        Assert.Equal(0, referral.GetProperty("awaitingClearance").GetArrayLength());
    }

    [Fact]
    public async Task A_plan_that_overtakes_the_referral_is_applied_once_the_referral_arrives()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var state = ReferralStates.Accepted(techniques: ["stretching"]);

        await service.Probe.PublishAsync(new TreatmentPlanActivated(Guid.NewGuid(), 1, state.ReferralId, ["stretching"], ["back"], 2, 6, 6, new DateOnly(2026, 7, 1)));
        await Task.Delay(300);
        await service.Probe.PublishAsync(new ReferralChanged(state));

        await service.ReferralAsync(state.ReferralId, r => r.GetProperty("hasActivePlan").GetBoolean());
    }
}

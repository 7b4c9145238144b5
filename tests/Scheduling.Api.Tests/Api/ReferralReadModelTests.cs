using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Testing;

namespace Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ReferralReadModelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_referral_read_model_follows_referral_and_clinical_events()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var id = await service.AcceptReferralAsync(["lymphatic drainage", "myofascial release"], awaitingClearance: ["lymphatic drainage"]);

        await service.Probe.PublishAsync(new ReferralPutOnHold(id, null, "insurance re-check"));
        await service.ReferralAsync(id, r => r.GetProperty("status").GetString() == "OnHold" && r.GetProperty("statusReason").GetString() == "insurance re-check");

        await service.Probe.PublishAsync(new ReferralResumed(id, null));
        await service.Probe.PublishAsync(new ReferralClearanceRecorded(id, null, "lymphatic drainage", "Dr. Doe", SchedulingService.Start, null, []));
        await service.Probe.PublishAsync(new ReferralVisitsCounted(id, null, new VisitCounts(10, 3, 7), new DateOnly(2026, 11, 30)));
        await service.Probe.PublishAsync(new EvaluationCompleted(Guid.NewGuid(), id, Guid.NewGuid(), Guid.NewGuid(), 5, []));
        var planId = Guid.NewGuid();
        await service.Probe.PublishAsync(new TreatmentPlanRevised(planId, 2, id, ["myofascial release"], ["neck"], 3, 4, 12));
        await service.Probe.PublishAsync(new TreatmentPlanActivated(planId, 1, id, ["lymphatic drainage"], ["neck"], 2, 6, 12, new DateOnly(2026, 7, 1)));

        var referral = await service.ReferralAsync(id, r =>
            r.GetProperty("status").GetString() == "Active"
            && r.GetProperty("techniquesAwaitingClearance").GetArrayLength() == 0
            && r.GetProperty("visitsRemaining").GetInt32() == 7
            && r.GetProperty("evaluationCompleted").GetBoolean()
            && r.GetProperty("hasActivePlan").GetBoolean());
        // Version 1 may arrive after version 2; once version 2 is there, nothing older replaces it.
        await service.ReferralAsync(id, r => r.GetProperty("planVersion").GetInt32() == 2);
        await Task.Delay(1000);
        referral = await service.ReferralAsync(id, _ => true);
        Assert.Equal(2, referral.GetProperty("planVersion").GetInt32());
        Assert.Equal(3, referral.GetProperty("planSessionsPerWeek").GetInt32());
        Assert.Equal("2026-11-30", referral.GetProperty("validUntil").GetString());

        await service.Probe.PublishAsync(new ReferralCancelled(id, null, "patient moved away"));
        await service.ReferralAsync(id, r => r.GetProperty("status").GetString() == "Cancelled");
    }

    [Fact]
    public async Task An_event_that_overtakes_the_acceptance_is_applied_once_the_acceptance_arrives()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var id = Guid.NewGuid();

        await service.Probe.PublishAsync(new ReferralPutOnHold(id, null, "waiting for authorization"));
        await Task.Delay(300);
        await service.Probe.PublishAsync(new ReferralAccepted(id, null, new PatientContact(Guid.NewGuid(), "Pat Lee", null, null, "email", "en"),
            new PhysicianContact("Dr. Doe", "1234567893", null, null, null, null), ["M54.50"], ["stretching"], ["back"], [],
            new DateOnly(2026, 5, 1), new DateOnly(2026, 12, 31), new VisitCounts(6, 0, 6)));

        await service.ReferralAsync(id, r => r.GetProperty("status").GetString() == "OnHold");
    }
}

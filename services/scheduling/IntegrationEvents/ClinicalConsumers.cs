using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Scheduling.Api.Infrastructure;

namespace MedMassage.Scheduling.Api.IntegrationEvents;

public sealed class TreatmentPlanActivatedConsumer(SchedulingDbContext db) : ReferralConsumer<TreatmentPlanActivated>(db)
{
    protected override async Task HandleAsync(TreatmentPlanActivated m, CancellationToken ct) =>
        (await ReferralAsync(m.ReferralId, ct)).ApplyPlan(m.PlanId, m.Version, m.Techniques, m.SessionsPerWeek, m.Weeks, m.CertificationDueBy);
}

public sealed class TreatmentPlanRevisedConsumer(SchedulingDbContext db) : ReferralConsumer<TreatmentPlanRevised>(db)
{
    protected override async Task HandleAsync(TreatmentPlanRevised m, CancellationToken ct) =>
        (await ReferralAsync(m.ReferralId, ct)).ApplyPlan(m.PlanId, m.Version, m.Techniques, m.SessionsPerWeek, m.Weeks, m.CertificationDueBy);
}

public sealed class TreatmentPlanCertifiedConsumer(SchedulingDbContext db) : ReferralConsumer<TreatmentPlanCertified>(db)
{
    protected override async Task HandleAsync(TreatmentPlanCertified m, CancellationToken ct) =>
        (await ReferralAsync(m.ReferralId, ct)).RecordPlanCertification(m.PlanId, m.Version, m.OccurredAt, m.RecertificationDueBy);
}

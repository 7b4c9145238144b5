using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Infrastructure;

namespace MedMassage.Referral.Api.IntegrationEvents;

// What clinical notes reports back: the evaluation starts treatment, plans show on the referral, discharge completes it.

public sealed class EvaluationCompletedConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, ILogger<EvaluationCompletedConsumer> logger)
    : ReferralEventConsumer<EvaluationCompleted>(db, outbox, time, logger)
{
    protected override Actor Source { get; } = Actor.Service("clinical-notes");

    protected override Task HandleAsync(EvaluationCompleted message, CancellationToken ct) =>
        ApplyAsync(message.ReferralId, (r, now) => r.RecordEvaluation(message.EvaluationId, message.Findings, Source, now), ct);
}

public sealed class TreatmentPlanActivatedConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, ILogger<TreatmentPlanActivatedConsumer> logger)
    : ReferralEventConsumer<TreatmentPlanActivated>(db, outbox, time, logger)
{
    protected override Actor Source { get; } = Actor.Service("clinical-notes");

    protected override Task HandleAsync(TreatmentPlanActivated message, CancellationToken ct) =>
        ApplyAsync(message.ReferralId,
            (r, now) => r.RecordPlan(message.PlanId, message.Version, "active", message.CertificationDueBy, Source, now), ct);
}

public sealed class TreatmentPlanCertifiedConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, ILogger<TreatmentPlanCertifiedConsumer> logger)
    : ReferralEventConsumer<TreatmentPlanCertified>(db, outbox, time, logger)
{
    protected override Actor Source { get; } = Actor.Service("clinical-notes");

    protected override Task HandleAsync(TreatmentPlanCertified message, CancellationToken ct) =>
        ApplyAsync(message.ReferralId, (r, now) => r.RecordPlan(message.PlanId, message.Version, "certified", null, Source, now), ct);
}

public sealed class DischargeSummaryIssuedConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, ILogger<DischargeSummaryIssuedConsumer> logger)
    : ReferralEventConsumer<DischargeSummaryIssued>(db, outbox, time, logger)
{
    protected override Actor Source { get; } = Actor.Service("clinical-notes");

    protected override Task HandleAsync(DischargeSummaryIssued message, CancellationToken ct) =>
        ApplyAsync(message.ReferralId, (r, now) =>
        {
            r.Complete($"discharged: {message.Reason}", Source, now);
            return true;
        }, ct);
}

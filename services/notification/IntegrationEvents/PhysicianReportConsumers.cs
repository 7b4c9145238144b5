using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Application.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace MedMassage.Notification.Api.IntegrationEvents;

// The referring physician hears of each step with a link to open the record (or act on it) without signing in.

public sealed class EvaluationCompletedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, EvaluationCompleted>(db)
{
    protected override Task HandleAsync(EvaluationCompleted message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.EvaluationSummary,
            PhysicianLinkPurposes.ReadEvaluation, message.EvaluationId, 0, _ => { }, ct);
}

public sealed class ClearanceRequestedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, ClearanceRequested>(db)
{
    protected override Task HandleAsync(ClearanceRequested message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.ClearanceRequest,
            PhysicianLinkPurposes.GrantClearance, message.ReferralId, 0, _ => { }, ct);
}

public sealed class TreatmentPlanActivatedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, TreatmentPlanActivated>(db)
{
    protected override Task HandleAsync(TreatmentPlanActivated message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.TreatmentPlanForCertification,
            PhysicianLinkPurposes.CertifyPlan, message.PlanId, message.Version, v => v.Date("dueBy", message.CertificationDueBy), ct);
}

/// <summary>A plan's certification falls due: the physician is asked to certify, and the location's staff know to follow up.</summary>
public sealed class PlanRecertificationDueConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, PlanRecertificationDue>(db)
{
    protected override async Task HandleAsync(PlanRecertificationDue message, CancellationToken ct)
    {
        await referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.PlanCertificationRequest,
            PhysicianLinkPurposes.CertifyPlan, message.PlanId, message.Version, v => v.Date("dueBy", message.DueBy), ct);
        await referrals.ToStaffAsync(message.EventId, message.ReferralId, message.LocationId, MessageType.PlanCertificationDue,
            v => v.Date("dueBy", message.DueBy), ct);
    }
}

public sealed class ProgressReportIssuedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, ProgressReportIssued>(db)
{
    protected override Task HandleAsync(ProgressReportIssued message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.ProgressReport,
            PhysicianLinkPurposes.ReadDocument, message.ReportId, 0, _ => { }, ct);
}

public sealed class DischargeSummaryIssuedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, DischargeSummaryIssued>(db)
{
    protected override Task HandleAsync(DischargeSummaryIssued message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.DischargeSummary,
            PhysicianLinkPurposes.ReadDocument, message.SummaryId, 0, _ => { }, ct);
}

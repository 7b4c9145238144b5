using System.Globalization;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.Consumers;

public sealed class EvaluationCompletedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, EvaluationCompleted>(db)
{
    protected override Task HandleAsync(EvaluationCompleted message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.EvaluationSummary,
            v => v.Set("link", referrals.PortalLink($"referrals/{message.ReferralId}/evaluations/{message.EvaluationId}")), ct);
}

public sealed class ClearanceRequestedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, ClearanceRequested>(db)
{
    protected override Task HandleAsync(ClearanceRequested message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.ClearanceRequest,
            v => v.Set("link", referrals.PortalLink($"referrals/{message.ReferralId}/clearance")), ct);
}

public sealed class TreatmentPlanActivatedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, TreatmentPlanActivated>(db)
{
    protected override Task HandleAsync(TreatmentPlanActivated message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.TreatmentPlanForCertification, v => v
            .Date("dueBy", message.CertificationDueBy)
            .Set("link", referrals.PortalLink($"referrals/{message.ReferralId}/plans/{message.PlanId}/versions/{message.Version.ToString(CultureInfo.InvariantCulture)}")), ct);
}

public sealed class ProgressReportIssuedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, ProgressReportIssued>(db)
{
    protected override Task HandleAsync(ProgressReportIssued message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.ProgressReport, v => v.Set("link", message.DocumentUrl), ct);
}

public sealed class DischargeSummaryIssuedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, DischargeSummaryIssued>(db)
{
    protected override Task HandleAsync(DischargeSummaryIssued message, CancellationToken ct) =>
        referrals.ToPhysicianAsync(message.EventId, message.ReferralId, MessageType.DischargeSummary, v => v.Set("link", message.DocumentUrl), ct);
}

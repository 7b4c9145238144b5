using System.Globalization;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Application.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.IntegrationEvents;

/// <summary>The referral service decides when authorization is running out (once per reason); staff are told here.</summary>
public sealed class ReferralAuthorizationRunningOutConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, ReferralAuthorizationRunningOut>(db)
{
    protected override Task HandleAsync(ReferralAuthorizationRunningOut message, CancellationToken ct) =>
        referrals.ToStaffAsync(message.EventId, message.ReferralId, message.LocationId, MessageType.AuthorizationRunningOut, v => v
            .Set("remaining", message.Visits.Remaining.ToString(CultureInfo.InvariantCulture))
            .Date("validUntil", message.ValidUntil), ct);
}

public sealed class ReEvaluationDueConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, ReEvaluationDue>(db)
{
    protected override Task HandleAsync(ReEvaluationDue message, CancellationToken ct) =>
        referrals.ToStaffAsync(message.EventId, message.ReferralId, null, MessageType.ReEvaluationDue, v => v
            .Date("dueBy", message.DueBy)
            .Set("count", message.VisitsSinceEvaluation.ToString(CultureInfo.InvariantCulture)), ct);
}

public sealed class AdverseEventReportedConsumer(NotificationDbContext db, ReferralMessages referrals)
    : IdempotentConsumer<NotificationDbContext, AdverseEventReported>(db)
{
    protected override Task HandleAsync(AdverseEventReported message, CancellationToken ct) =>
        referrals.ToStaffAsync(message.EventId, message.ReferralId, null, MessageType.AdverseEvent, v => v.Set("description", message.Description), ct);
}

public sealed class UnsignedNotesFlaggedConsumer(NotificationDbContext db, MessageComposer composer)
    : IdempotentConsumer<NotificationDbContext, UnsignedNotesFlagged>(db)
{
    protected override Task HandleAsync(UnsignedNotesFlagged message, CancellationToken ct)
    {
        composer.ToStaff(new MessageDraft(message.EventId, MessageType.UnsignedNotes, MessageCategory.StaffAlert, "UTC"), v => v
            .Set("count", message.NoteIds.Count.ToString(CultureInfo.InvariantCulture))
            .Set("therapist", message.TherapistId.ToString()));
        return Task.CompletedTask;
    }
}

using System.Globalization;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.Consumers;

public sealed class ReferralVisitsCountedConsumer(NotificationDbContext db, ReferralMessages referrals, TimeProvider time)
    : IdempotentConsumer<NotificationDbContext, ReferralVisitsCounted>(db)
{
    protected override async Task HandleAsync(ReferralVisitsCounted message, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!AuthorizationWatch.IsRunningOut(message.Visits.Remaining, message.ValidUntil, today))
        {
            return;
        }
        await referrals.ToStaffAsync(message.EventId, message.ReferralId, message.LocationId, MessageType.AuthorizationRunningOut, v => v
            .Set("remaining", message.Visits.Remaining.ToString(CultureInfo.InvariantCulture))
            .Date("validUntil", message.ValidUntil), ct);
    }
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

using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Application.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.IntegrationEvents;

/// <summary>Keeps the referral's contacts (and reference) as the referral service's newest state names them.</summary>
public sealed class ReferralChangedConsumer(NotificationDbContext db, LocationDirectory directory)
    : IdempotentConsumer<NotificationDbContext, ReferralChanged>(db)
{
    protected override Task HandleAsync(ReferralChanged message, CancellationToken ct) => directory.RememberReferralAsync(message.Referral, ct);
}

public sealed class ReferralReceivedConsumer(NotificationDbContext db, LocationDirectory directory, MessageComposer composer)
    : IdempotentConsumer<NotificationDbContext, ReferralReceived>(db)
{
    protected override async Task HandleAsync(ReferralReceived message, CancellationToken ct)
    {
        var location = await directory.FindAsync(message.LocationId, ct);
        var draft = new MessageDraft(message.EventId, MessageType.ReferralAcknowledged, MessageCategory.Clinical, location.TimeZone, message.LocationId);
        composer.ToPhysician(draft, message.Physician, v => v.Location(location).Referral(message.Reference, message.ReferralId));
    }
}

public sealed class ReferralAcceptedConsumer(NotificationDbContext db, LocationDirectory directory, MessageComposer composer)
    : IdempotentConsumer<NotificationDbContext, ReferralAccepted>(db)
{
    protected override async Task HandleAsync(ReferralAccepted message, CancellationToken ct)
    {
        var location = await directory.FindAsync(message.LocationId, ct);
        var draft = new MessageDraft(message.EventId, MessageType.ReferralAccepted, MessageCategory.Clinical, location.TimeZone, message.LocationId);
        await composer.ToPatientAsync(draft, message.Patient, v => v
            .Location(location)
            .Referral(message.Reference, message.ReferralId)
            .Date("validUntil", message.ValidUntil), null, ct);
    }
}

public sealed class ReferralRejectedConsumer(NotificationDbContext db, LocationDirectory directory, MessageComposer composer)
    : IdempotentConsumer<NotificationDbContext, ReferralRejected>(db)
{
    protected override async Task HandleAsync(ReferralRejected message, CancellationToken ct)
    {
        var location = await directory.FindAsync(message.LocationId, ct);
        var draft = new MessageDraft(message.EventId, MessageType.ReferralRejected, MessageCategory.Clinical, location.TimeZone, message.LocationId);
        // The reason is free text about a patient: it stays out of e-mail and SMS (the physician is asked to call).
        composer.ToPhysician(draft, message.Physician, v => v.Location(location).Referral(message.Reference, message.ReferralId));
    }
}

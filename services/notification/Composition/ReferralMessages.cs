using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Templates;
using MedMassage.Notification.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Composition;

/// <summary>Messages about a referral for events that carry only its id: the contacts come from the referral events.</summary>
public sealed class ReferralMessages(LocationDirectory directory, MessageComposer composer, IOptions<NotificationOptions> options)
{
    /// <summary>A secure link into the portal; clinical content never travels in the email itself.</summary>
    public string PortalLink(string path) => $"{options.Value.PortalBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    public async Task ToPhysicianAsync(Guid eventId, Guid referralId, MessageType type, Action<TemplateValues> fill, CancellationToken ct)
    {
        var contact = await directory.FindReferralAsync(referralId, ct);
        var location = await directory.FindAsync(contact?.LocationId, ct);
        var draft = new MessageDraft(eventId, type, MessageCategory.Clinical, location.TimeZone, contact?.LocationId);
        if (contact is null)
        {
            // Nobody to write to: staff must hear of it rather than the message vanish.
            composer.ToStaff(draft with { Type = MessageType.DeliveryFailed, PurposeSuffix = type.ToString() }, v => v
                .Set("type", type.ToString()).Set("channel", "email").Set("recipient", $"the physician of referral {TemplateValues.Reference(referralId)}")
                .Set("attempts", "0").Set("error", "the referral is unknown to notifications"));
            return;
        }
        composer.ToPhysician(draft, contact.Physician, v =>
        {
            v.Location(location).Referral(referralId);
            fill(v);
        });
    }

    public async Task ToStaffAsync(Guid eventId, Guid referralId, Guid? locationId, MessageType type, Action<TemplateValues> fill, CancellationToken ct)
    {
        locationId ??= (await directory.FindReferralAsync(referralId, ct))?.LocationId;
        var location = await directory.FindAsync(locationId, ct);
        composer.ToStaff(new MessageDraft(eventId, type, MessageCategory.StaffAlert, location.TimeZone, locationId), v =>
        {
            v.Referral(referralId);
            fill(v);
        });
    }
}

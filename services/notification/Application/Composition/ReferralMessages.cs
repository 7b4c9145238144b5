using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Templates;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace MedMassage.Notification.Api.Application.Composition;

/// <summary>Messages about a referral for events that carry only its id: the contacts come from the referral events.</summary>
public sealed class ReferralMessages(LocationDirectory directory, MessageComposer composer, PhysicianLinks links)
{
    /// <summary>
    /// A message to the referral's physician with a link for one purpose (<see cref="PhysicianLinkPurposes"/>) on
    /// <paramref name="subject"/>: signed, expiring, opened through the gateway. Clinical content never travels in the e-mail.
    /// </summary>
    public async Task ToPhysicianAsync(Guid eventId, Guid referralId, MessageType type, string purpose, Guid subject, int version,
        Action<TemplateValues> fill, CancellationToken ct)
    {
        // An event can overtake the referral's first state: the suite's one rule retries it until the state lands.
        var contact = NotYetKnownException.Require(await directory.FindReferralAsync(referralId, ct), "Referral", referralId);
        var location = await directory.FindAsync(contact.LocationId, ct);
        var draft = new MessageDraft(eventId, type, MessageCategory.Clinical, location.TimeZone, contact.LocationId);
        composer.ToPhysician(draft, contact.Physician, v =>
        {
            v.Location(location).Referral(contact.Reference, referralId)
                .Set("link", links.Issue(purpose, referralId, subject, version, contact.PhysicianNpi, contact.PhysicianName));
            fill(v);
        });
    }

    public async Task ToStaffAsync(Guid eventId, Guid referralId, Guid? locationId, MessageType type, Action<TemplateValues> fill, CancellationToken ct)
    {
        var contact = await directory.FindReferralAsync(referralId, ct);
        locationId ??= contact?.LocationId;
        var location = await directory.FindAsync(locationId, ct);
        composer.ToStaff(new MessageDraft(eventId, type, MessageCategory.StaffAlert, location.TimeZone, locationId), v =>
        {
            v.Referral(contact?.Reference, referralId);
            fill(v);
        });
    }
}

using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Notification.Api.Domain.Directory;
using MedMassage.Notification.Api.Domain.Referrals;
using MedMassage.Notification.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Application.Composition;

/// <summary>Locations and referral contacts as earlier events described them.</summary>
public sealed class LocationDirectory(NotificationDbContext db, TimeProvider time, IOptions<NotificationOptions> options)
{
    public async Task RememberAsync(LocationInfo location, CancellationToken ct)
    {
        var known = await db.Locations.FindAsync([location.LocationId], ct);
        if (known is null)
        {
            known = KnownLocation.For(location.LocationId);
            db.Locations.Add(known);
        }
        known.Update(location, time.GetUtcNow());
    }

    public async Task<LocationInfo> FindAsync(Guid? locationId, CancellationToken ct)
    {
        var known = locationId is { } id ? await db.Locations.FindAsync([id], ct) : null;
        var o = options.Value;
        return known?.Info ?? new LocationInfo(locationId ?? Guid.Empty, o.ClinicName, o.ClinicAddress, o.ClinicPhone, o.ClinicTimeZone);
    }

    /// <summary>Keeps the referral's contacts as its owner's newest state names them.</summary>
    public async Task RememberReferralAsync(ReferralState state, CancellationToken ct)
    {
        var contact = await db.ReferralContacts.FindAsync([state.ReferralId], ct);
        if (contact is null)
        {
            contact = ReferralContact.For(state.ReferralId);
            db.ReferralContacts.Add(contact);
        }
        contact.Apply(state, time.GetUtcNow());
    }

    public async Task<ReferralContact?> FindReferralAsync(Guid referralId, CancellationToken ct) =>
        await db.ReferralContacts.FindAsync([referralId], ct);
}

using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Inbox;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Infrastructure;

namespace MedMassage.Referral.Api.IntegrationEvents;

/// <summary>Keeps each location's time zone, so expiry and authorization alerts follow the location's calendar.</summary>
public sealed class LocationChangedConsumer(ReferralDbContext db) : IdempotentConsumer<ReferralDbContext, LocationChanged>(db)
{
    protected override async Task HandleAsync(LocationChanged message, CancellationToken ct)
    {
        var location = await Db.Locations.FindAsync([message.Location.LocationId], ct);
        if (location is null)
        {
            Db.Locations.Add(location = KnownLocation.For(message.Location.LocationId));
        }
        location.Apply(message.Location.TimeZone, message.OccurredAt);
    }
}

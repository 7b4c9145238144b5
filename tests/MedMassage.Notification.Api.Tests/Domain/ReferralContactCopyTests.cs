using FsCheck;
using FsCheck.Fluent;
using MedMassage.Notification.Api.Domain.Referrals;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Domain;

public sealed class ReferralContactCopyTests
{
    [Fact]
    public void The_contacts_end_equal_to_the_referral_service_whatever_order_duplicates_and_delays_the_events_arrive_with()
    {
        var now = DateTimeOffset.UnixEpoch;
        Prop.ForAll(ReferralHistories.Deliveries, delivery =>
        {
            var copy = delivery.Replay(s =>
            {
                var contact = ReferralContact.For(s.ReferralId);
                contact.Apply(s, now);
                return contact;
            }, (c, s) => c.Apply(s, now));
            var owner = delivery.Owner;
            return copy.Version == owner.Version && copy.Reference == owner.Reference && copy.LocationId == owner.LocationId
                && copy.Patient == owner.Patient && copy.PhysicianNpi == owner.Physician.Npi && copy.PhysicianEmail == owner.Physician.Email;
        }).QuickCheckThrowOnFailure();
    }
}

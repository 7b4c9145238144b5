using FsCheck;
using FsCheck.Fluent;
using MedMassage.Contracts.Referrals;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Domain;

public sealed class ReferralCopyTests
{
    [Fact]
    public void The_copy_ends_equal_to_the_referral_service_whatever_order_duplicates_and_delays_the_events_arrive_with()
    {
        Prop.ForAll(ReferralHistories.Deliveries, delivery =>
        {
            var copy = delivery.Replay(BookingReferral.From, (r, s) => r.Apply(s));
            return EqualsOwner(copy, delivery.Owner);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_older_or_repeated_state_changes_nothing()
    {
        var first = ReferralStates.Accepted(awaitingClearance: ["scar-tissue-release"]);
        var cleared = first.Clearing("scar-tissue-release");
        var copy = BookingReferral.From(cleared);

        Assert.False(copy.Apply(first));
        Assert.False(copy.Apply(cleared));
        Assert.Empty(copy.AwaitingClearance);
    }

    private static bool EqualsOwner(BookingReferral copy, ReferralState owner) =>
        copy.Version == owner.Version
        && copy.Status == owner.Status
        && copy.StatusReason == owner.StatusReason
        && copy.Techniques.SequenceEqual(owner.Techniques)
        && copy.AwaitingClearance.SequenceEqual(owner.AwaitingClearance)
        && (copy.VisitsAuthorized, copy.VisitsUsed, copy.VisitsRemaining) == (owner.Visits.Authorized, owner.Visits.Used, owner.Visits.Remaining)
        && copy.ValidFrom == owner.ValidFrom
        && copy.ValidUntil == owner.ValidUntil
        && copy.EvaluationCompleted == owner.EvaluationCompleted
        && copy.LocationId == owner.LocationId
        && copy.Patient == owner.Patient;
}

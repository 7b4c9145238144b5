using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Referral.Api.Tests.Support;

/// <summary>What a referral raised, split into the facts it announced and the state it published with them.</summary>
internal static class RaisedEvents
{
    /// <summary>Dequeues the raised events and returns the facts (everything but the state).</summary>
    public static IReadOnlyList<IntegrationEvent> Facts(this MedMassage.Referral.Api.Domain.Referral referral, out ReferralState? state)
    {
        var events = referral.DequeueEvents();
        state = events.OfType<ReferralChanged>().SingleOrDefault()?.Referral;
        return [.. events.Where(e => e is not ReferralChanged)];
    }

    /// <summary>Dequeues the raised events and returns the one state published with them.</summary>
    public static ReferralState PublishedState(this MedMassage.Referral.Api.Domain.Referral referral) =>
        Assert.Single(referral.DequeueEvents().OfType<ReferralChanged>()).Referral;
}

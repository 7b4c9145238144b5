using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using static MedMassage.Referral.Api.Tests.Support.DomainReferrals;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed class VisitAccountingTests
{
    private static readonly Actor Scheduling = Actor.Service("scheduling");
    private static readonly VisitCountingPolicy CountsMissed = new(CountsNoShows: true, CountsLateCancellations: true);

    private static MedMassage.Referral.Api.Domain.Referral WithVisits(int visits) =>
        InTreatment(r => r with { AuthorizedVisits = visits, Insurance = null });

    [Fact]
    public void A_completed_visit_is_counted_and_announced()
    {
        var referral = WithVisits(4);

        Assert.True(referral.RecordVisit(Guid.NewGuid(), VisitOutcome.Completed, VisitCountingPolicy.CompletedOnly, Today, Scheduling, Now));

        Assert.Equal(new VisitCounts(4, 1, 3), referral.Visits);
        Assert.Empty(referral.Facts(out var state)); // 3 of 4 left: nothing to alert yet
        Assert.Equal(new VisitCounts(4, 1, 3), state!.Visits);
    }

    [Fact]
    public void One_appointment_is_counted_once_however_often_it_is_reported()
    {
        var referral = WithVisits(4);
        var appointment = Guid.NewGuid();

        referral.RecordVisit(appointment, VisitOutcome.Completed, VisitCountingPolicy.CompletedOnly, Today, Scheduling, Now);
        Assert.False(referral.RecordVisit(appointment, VisitOutcome.Completed, VisitCountingPolicy.CompletedOnly, Today, Scheduling, Now));
        Assert.False(referral.RecordVisit(appointment, VisitOutcome.NoShow, CountsMissed, Today, Scheduling, Now));

        Assert.Equal(1, referral.VisitsUsed);
    }

    [Theory]
    [InlineData(VisitOutcome.NoShow, false, false, 0)]
    [InlineData(VisitOutcome.NoShow, true, false, 1)]
    [InlineData(VisitOutcome.LateCancellation, true, false, 0)]
    [InlineData(VisitOutcome.LateCancellation, false, true, 1)]
    public void Missed_visits_count_only_when_the_payer_says_so(VisitOutcome outcome, bool noShows, bool lateCancellations, int used)
    {
        var referral = WithVisits(4);

        referral.RecordVisit(Guid.NewGuid(), outcome, new VisitCountingPolicy(noShows, lateCancellations), Today, Scheduling, Now);

        Assert.Equal(used, referral.VisitsUsed);
        Assert.Equal(used, referral.PublishedState().Visits.Used);
        Assert.Equal(used == 1 ? "visit-counted" : "visit-not-counted", referral.History[^1].Action);
    }

    [Fact]
    public void Using_the_last_authorized_visit_exhausts_the_referral_once()
    {
        var referral = WithVisits(2);

        referral.RecordVisit(Guid.NewGuid(), VisitOutcome.Completed, VisitCountingPolicy.CompletedOnly, Today, Scheduling, Now);
        referral.RecordVisit(Guid.NewGuid(), VisitOutcome.Completed, VisitCountingPolicy.CompletedOnly, Today, Scheduling, Now);
        referral.RecordVisit(Guid.NewGuid(), VisitOutcome.Completed, VisitCountingPolicy.CompletedOnly, Today, Scheduling, Now); // recorded late

        Assert.Equal(ReferralStatus.Exhausted, referral.Status);
        Assert.Equal(new VisitCounts(2, 3, 0), referral.Visits);
        var events = referral.Facts(out var state);
        Assert.Equal(ReferralAuthorizationRunningOut.FewVisits, Assert.Single(events.OfType<ReferralAuthorizationRunningOut>()).Reason);
        Assert.Equal(("exhausted", new VisitCounts(2, 3, 0)), (state!.Status, state.Visits));
        Assert.Contains(referral.History, h => h.Action == "exhausted");
    }

    [Fact]
    public void The_policy_is_chosen_by_payer_ignoring_case_with_a_default_for_others()
    {
        var rules = new VisitCountingRules(VisitCountingPolicy.CompletedOnly, new Dictionary<string, VisitCountingPolicy> { ["Acme Health"] = CountsMissed });

        Assert.Equal(CountsMissed, rules.For("acme health "));
        Assert.Equal(VisitCountingPolicy.CompletedOnly, rules.For("Union Mutual"));
        Assert.Equal(VisitCountingPolicy.CompletedOnly, rules.For(null));
    }
}

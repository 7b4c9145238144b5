using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Inbox;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class VisitAccountingTests(InfrastructureFixture infrastructure)
{
    private static readonly Dictionary<string, string?> AcmeCountsNoShows = new()
    {
        ["Referrals:VisitCounting:Payers:Acme Health:CountNoShows"] = "true",
    };

    [Fact]
    public async Task Visit_counts_follow_appointment_events_until_the_authorization_is_exhausted()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString,
            typeof(ReferralAuthorizationRunningOut), typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure, settings: AcmeCountsNoShows);
        var request = TestReferrals.Valid(TestReferrals.Today()) with { AuthorizedVisits = 3 };
        var referral = await app.SubmitValidAsync(request);
        await app.AcceptAsync(referral.Id);
        var first = Appointments.For(referral.Id);

        await probe.PublishAsync(new AppointmentCompleted(first));
        await VisitsAsync(app, referral.Id, new VisitCounts(3, 1, 2));
        var repeated = new AppointmentCompleted(first); // the same appointment reported again
        await probe.PublishAsync(repeated);
        var onTime = new AppointmentCancelled(Appointments.For(referral.Id), IsLate: false, "rescheduling");
        var late = new AppointmentCancelled(Appointments.For(referral.Id), IsLate: true, "sick");
        await probe.PublishAsync(onTime);
        await probe.PublishAsync(late);
        await probe.PublishAsync(new AppointmentNoShow(Appointments.For(referral.Id)));
        await VisitsAsync(app, referral.Id, new VisitCounts(3, 2, 1));
        await ProcessedAsync(app, repeated.EventId, onTime.EventId, late.EventId);

        var beforeLast = await app.GetAsync(referral.Id);
        Assert.Equal(new VisitCounts(3, 2, 1), beforeLast.Visits); // Acme counts no-shows but not late cancellations
        Assert.Equal("accepted", beforeLast.Status);
        await probe.PublishAsync(new AppointmentCompleted(Appointments.For(referral.Id)));
        var exhausted = (await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Status == "exhausted")).Referral;

        Assert.Equal(new VisitCounts(3, 3, 0), exhausted.Visits);
        Assert.Equal("exhausted", (await app.GetAsync(referral.Id)).Status);
        Assert.Equal([1, 2, 3], probe.Received.OfType<ReferralChanged>().Select(e => e.Referral).Where(s => s.ReferralId == referral.Id)
            .Select(s => s.Visits.Used).Where(u => u > 0).Distinct().Order());
        // Two visits left after the first: staff hear it once, not again as the others are used.
        var alert = Assert.Single(probe.Received.OfType<ReferralAuthorizationRunningOut>(), e => e.ReferralId == referral.Id);
        Assert.Equal((ReferralAuthorizationRunningOut.FewVisits, 2), (alert.Reason, alert.Visits.Remaining));
        Assert.Equal(1, probe.Count<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Status == "exhausted"));
    }

    [Fact]
    public async Task A_no_show_does_not_use_a_visit_for_a_payer_that_does_not_count_them()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        await using var app = await ReferralService.StartAsync(infrastructure, settings: AcmeCountsNoShows);
        var request = TestReferrals.Valid(TestReferrals.Today());
        var referral = await app.SubmitValidAsync(request with { Insurance = request.Insurance! with { Payer = "Union Mutual" } });
        await app.AcceptAsync(referral.Id);

        var noShow = new AppointmentNoShow(Appointments.For(referral.Id));
        await probe.PublishAsync(noShow);
        await ProcessedAsync(app, noShow.EventId);

        var details = await app.GetAsync(referral.Id);
        Assert.Equal(new VisitCounts(12, 0, 12), details.Visits);
        Assert.Equal("visit-not-counted", details.History[^1].Action);
    }

    private static Task<ReferralDetails> VisitsAsync(ReferralService app, Guid id, VisitCounts expected) =>
        Eventually.WaitAsync(() => app.GetAsync(id), r => r.Visits == expected, what: $"visits {expected}");

    // A consumer records every message it applied, even one with no effect; waiting for that makes "nothing changed" meaningful.
    private static Task<int> ProcessedAsync(ReferralService app, params Guid[] eventIds) =>
        Eventually.WaitAsync(
            () => app.QueryAsync(db => db.Set<ProcessedMessage>().CountAsync(m => eventIds.Contains(m.MessageId))),
            count => count == eventIds.Length, what: "events processed");
}

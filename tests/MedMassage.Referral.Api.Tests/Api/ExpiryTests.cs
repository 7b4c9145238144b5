using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Contracts.Scheduling;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ExpiryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_scheduled_check_expires_a_referral_past_its_validity_and_announces_it_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure, clock);
        var today = TestReferrals.Today(clock);
        var ending = await app.SubmitValidAsync(TestReferrals.Valid(today) with { ValidFrom = today.AddDays(-30), ValidUntil = today.AddDays(1) });
        var lasting = await app.SubmitValidAsync(TestReferrals.Valid(today) with { ValidUntil = today.AddDays(30) });
        await app.AcceptAsync(ending.Id);
        await app.AcceptAsync(lasting.Id);

        clock.Advance(TimeSpan.FromDays(2)); // nobody opens the referral: only the scheduled check can notice

        var expired = (await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == ending.Id && e.Referral.Status == "expired")).Referral;
        Assert.Equal(today.AddDays(1), expired.ValidUntil);
        clock.Advance(TimeSpan.FromHours(3)); // later checks find nothing new
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, probe.Count<ReferralChanged>(e => e.Referral.ReferralId == ending.Id && e.Referral.Status == "expired"));
        Assert.Equal(0, probe.Count<ReferralChanged>(e => e.Referral.ReferralId == lasting.Id && e.Referral.Status == "expired"));
        var details = await app.GetAsync(ending.Id);
        Assert.Equal("expired", details.Status);
        Assert.Equal("service:referral-sweep", details.History[^1].ActorId);
        Assert.Equal("accepted", (await app.GetAsync(lasting.Id)).Status);
    }

    [Fact]
    public async Task A_referral_nobody_visits_is_flagged_once_a_week_before_it_ends_and_expires_by_its_locations_calendar()
    {
        // 12:00 UTC is already the next day on Kiritimati (UTC+14).
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero));
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralAuthorizationRunningOut), typeof(ReferralChanged));
        var islands = Guid.NewGuid();
        await using var app = await ReferralService.StartAsync(infrastructure, clock, caller: TestCaller.ClinicAdmin(TestReferrals.Clinic, islands));
        await probe.PublishAsync(new LocationChanged(new LocationInfo(islands, "Line Islands", "1 Main St", "+686 555", "Pacific/Kiritimati")));
        await Eventually.WaitAsync(() => app.QueryAsync(db => db.Locations.AnyAsync(l => l.Id == islands)), known => known, what: "location known");
        var today = TestReferrals.Today(clock);
        var there = await app.SubmitValidAsync(TestReferrals.Valid(today, islands) with { ValidFrom = today.AddDays(-30), ValidUntil = today.AddDays(8) });
        var here = await app.SubmitValidAsync(TestReferrals.Valid(today) with { ValidFrom = today.AddDays(-30), ValidUntil = today.AddDays(8) });
        await app.AcceptAsync(there.Id);
        await app.AcceptAsync(here.Id);

        clock.Advance(TimeSpan.FromHours(1)); // a week and a day left in UTC, a week left on Kiritimati
        var alert = await probe.WaitForAsync<ReferralAuthorizationRunningOut>(e => e.ReferralId == there.Id);
        Assert.Equal((ReferralAuthorizationRunningOut.ExpiresSoon, there.Reference), (alert.Reason, alert.Reference));
        clock.Advance(TimeSpan.FromHours(3)); // later sweeps the same day say nothing new
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, probe.Count<ReferralAuthorizationRunningOut>(e => e.ReferralId == here.Id));

        clock.Advance(TimeSpan.FromDays(8) - TimeSpan.FromHours(4)); // the last valid day, 12:00 UTC: already over on Kiritimati
        await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == there.Id && e.Referral.Status == "expired");
        await Eventually.WaitAsync(() => app.GetAsync(here.Id), r => r.History.Any(h => h.Action == "authorization-alert"), what: "alert here too");
        Assert.Equal("accepted", (await app.GetAsync(here.Id)).Status);
        Assert.Equal(1, probe.Count<ReferralAuthorizationRunningOut>(e => e.ReferralId == there.Id));
    }
}

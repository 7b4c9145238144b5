using MedMassage.Contracts.Referrals;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;
using Referral.Api.Tests.Support;

namespace Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ExpiryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_scheduled_check_expires_a_referral_past_its_validity_and_announces_it_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralApp.StartAsync(infrastructure, clock);
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
        Assert.Equal("service:referral-expiry-check", details.History[^1].ActorId);
        Assert.Equal("accepted", (await app.GetAsync(lasting.Id)).Status);
    }
}

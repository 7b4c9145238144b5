using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class StaffAlertTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Staff_are_alerted_when_authorization_runs_low_but_not_while_plenty_is_left()
    {
        await using var service = new NotificationService(infrastructure);
        var locationId = Guid.NewGuid();
        var client = await service.StartAsync(locationId);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var referralId = Guid.NewGuid();
        var farAway = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90);
        var low = new ReferralAuthorizationRunningOut(referralId, locationId, "R-7HX-2PD", ReferralAuthorizationRunningOut.FewVisits, new VisitCounts(10, 8, 2), farAway);

        await probe.PublishAsync(low);
        await probe.PublishAsync(low); // delivered twice: one alert

        var alerts = await Eventually.WaitAsync(() => client.InboxAsync($"staff:{locationId}"), i => i.Count >= 1, what: "authorization alert");
        await Task.Delay(TimeSpan.FromSeconds(1));
        alerts = await client.InboxAsync($"staff:{locationId}");
        var alert = Assert.Single(alerts);
        Assert.Equal("authorization-running-out", alert.Type);
        Assert.Contains("2 authorized visit(s) left", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adverse_event_reaches_the_staff_inbox_of_the_referrals_location()
    {
        await using var service = new NotificationService(infrastructure);
        var locationId = Guid.NewGuid();
        var client = await service.StartAsync(locationId);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var referralId = Guid.NewGuid();
        await probe.PublishAsync(Events.Referral(referralId, locationId, Events.Patient(null), Events.Physician(Mailbox.Unique("physician")), "R-7HX-2PD"));
        await probe.PublishAsync(new ReferralReceived(referralId, locationId, Events.Patient(null), Events.Physician(Mailbox.Unique("physician")), [], "routine", false, "R-7HX-2PD"));
        await client.WaitForMessagesAsync("type=ReferralAcknowledged", m => m.Count == 1, "referral known");

        await probe.PublishAsync(new AdverseEventReported(Guid.NewGuid(), referralId, Guid.NewGuid(), "dizziness after treatment"));

        var alert = (await Eventually.WaitAsync(() => client.InboxAsync($"staff:{locationId}"), i => i.Count == 1, what: "adverse event alert"))[0];
        Assert.Equal("adverse-event", alert.Type);
        Assert.Contains("dizziness after treatment", alert.Body, StringComparison.Ordinal);

        using var read = await client.PostAsync($"/api/notifications/inbox/staff:{locationId}/{alert.Id}/read", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, read.StatusCode);
        Assert.NotNull((await client.InboxAsync($"staff:{locationId}"))[0].ReadAt);
    }
}

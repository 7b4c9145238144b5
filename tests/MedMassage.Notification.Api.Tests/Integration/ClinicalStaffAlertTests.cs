using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class ClinicalStaffAlertTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Staff_are_alerted_when_a_referral_expires_within_a_week_even_with_visits_left()
    {
        await using var service = new NotificationService(infrastructure);
        var locationId = Guid.NewGuid();
        var client = await service.StartAsync(locationId);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);

        await probe.PublishAsync(new ReferralAuthorizationRunningOut(Guid.NewGuid(), locationId, "R-7HX-2PD", ReferralAuthorizationRunningOut.ExpiresSoon, new VisitCounts(10, 2, 8), validUntil));

        var alert = Assert.Single(await Eventually.WaitAsync(() => client.InboxAsync($"staff:{locationId}"), i => i.Count >= 1, what: "expiry alert"));
        Assert.Equal("authorization-running-out", alert.Type);
        Assert.Contains("8 authorized visit(s) left", alert.Body, StringComparison.Ordinal);
        Assert.Contains($"valid until {validUntil.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_due_re_evaluation_alerts_the_staff_of_the_referrals_location()
    {
        await using var service = new NotificationService(infrastructure);
        var locationId = Guid.NewGuid();
        var client = await service.StartAsync(locationId);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var referralId = Guid.NewGuid();
        await probe.PublishAsync(Events.Referral(referralId, locationId, Events.Patient(null), Events.Physician(Mailbox.Unique("physician")), "R-7HX-2PD"));
        await probe.PublishAsync(new ReferralReceived(referralId, locationId, Events.Patient(null), Events.Physician(Mailbox.Unique("physician")), [], "routine", false, "R-7HX-2PD"));
        await client.WaitForMessagesAsync("type=ReferralAcknowledged", m => m.Count == 1, "referral known");

        var due = new ReEvaluationDue(referralId, Guid.NewGuid(), 6, new DateOnly(2026, 12, 15));
        await probe.PublishAsync(due);

        var alert = Assert.Single(await Eventually.WaitAsync(() => client.InboxAsync($"staff:{locationId}"), i => i.Count >= 1, what: "re-evaluation alert"));
        Assert.Equal("re-evaluation-due", alert.Type);
        Assert.Contains("R-7HX-2PD", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("needs a re-evaluation by December 15, 2026 (6 visits since the last evaluation)", alert.Body, StringComparison.Ordinal);
        Assert.Equal($"staff:{locationId}", Assert.Single(await client.MessagesAsync($"sourceEventId={due.EventId}")).RecipientKey);
    }

    [Fact]
    public async Task Unsigned_notes_alert_the_staff_with_the_count_and_therapist()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var therapistId = Guid.NewGuid();

        await probe.PublishAsync(new UnsignedNotesFlagged(therapistId, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]));

        var alert = Assert.Single(await Eventually.WaitAsync(() => client.InboxAsync("staff"), i => i.Count >= 1, what: "unsigned notes alert"));
        Assert.Equal("unsigned-notes", alert.Type);
        Assert.Equal("3 visit note(s) unsigned for more than 24 hours", alert.Subject);
        Assert.Contains($"3 visit note(s) by therapist {therapistId} have been unsigned", alert.Body, StringComparison.Ordinal);
    }
}

using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.ServiceDefaults.PhysicianLinks;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class PlanCertificationDueTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_plan_certification_falling_due_asks_the_physician_by_secure_link_and_alerts_the_locations_staff_once()
    {
        await using var service = new NotificationService(infrastructure);
        var locationId = Guid.NewGuid();
        var client = await service.StartAsync(locationId);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var physicianEmail = Mailbox.Unique("physician");
        var referralId = Guid.NewGuid();
        const string reference = "R-3TD-8QW";
        await probe.PublishAsync(Events.Referral(referralId, locationId, Events.Patient(null), Events.Physician(physicianEmail), reference));
        await probe.PublishAsync(new ReferralReceived(referralId, locationId, Events.Patient(null), Events.Physician(physicianEmail), [], "routine", false, reference));
        await infrastructure.WaitForMailAsync(physicianEmail);
        var planId = Guid.NewGuid();

        var due = new PlanRecertificationDue(planId, 3, referralId, locationId, new DateOnly(2026, 12, 15), new DateTimeOffset(2026, 9, 17, 10, 0, 0, TimeSpan.Zero));
        await probe.PublishAsync(due);
        await probe.PublishAsync(due); // redelivered: still one message each

        var mails = await infrastructure.WaitForMailAsync(physicianEmail, 2);
        var mail = Assert.Single(mails, m => m.Subject == $"Plan of care for referral {reference}: your certification is due by December 15, 2026");
        Assert.Contains("Your certification of the plan of care", mail.TextBody, StringComparison.Ordinal);
        var link = service.LinkIn(mail.TextBody!, PhysicianLinkPurposes.CertifyPlan);
        Assert.Equal((planId, 3), (link.Subject, link.Version));
        var alert = Assert.Single(await Eventually.WaitAsync(() => client.InboxAsync($"staff:{locationId}"), i => i.Count >= 1, what: "certification alert"));
        Assert.Equal(("plan-certification-due", $"Plan certification due: referral {reference}"), (alert.Type, alert.Subject));
        Assert.Contains("is due by December 15, 2026; they have been asked", alert.Body, StringComparison.Ordinal);

        var messages = await client.WaitForMessagesAsync($"sourceEventId={due.EventId}", m => m.Count == 2, "both messages logged");
        Assert.Equal(["plan-certification-due", "plan-certification-request"], messages.Select(m => m.Type).Order(StringComparer.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await client.MessagesAsync($"sourceEventId={due.EventId}")).Count);
    }
}

using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.ServiceDefaults.PhysicianLinks;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class WaitlistAndPhysicianRequestTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_waitlist_offer_tells_the_patient_the_slot_and_expiry_in_the_locations_local_time()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var patientEmail = Mailbox.Unique();
        var slot = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var offer = new WaitlistSlotOffered(Guid.NewGuid(), Guid.NewGuid(), Events.Patient(patientEmail), Events.Downtown,
            Guid.NewGuid(), "Sam Rivera", slot, slot.AddMinutes(45), new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));

        await probe.PublishAsync(offer);

        var mail = Assert.Single(await infrastructure.WaitForMailAsync(patientEmail));
        Assert.Equal("An earlier appointment is available at MedMassage Downtown", mail.Subject);
        Assert.Contains("A time with Sam Rivera is free on Tuesday, December 1, 2026 at 10:00 AM (America/New_York)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("held for you until Monday, November 30, 2026 at 5:30 PM (America/New_York)", mail.TextBody, StringComparison.Ordinal);
        var logged = Assert.Single(await client.WaitForMessagesAsync($"sourceEventId={offer.EventId}", m => m.Count == 1 && m[0].Status == "sent", "offer sent"));
        Assert.Equal("waitlist-offer", logged.Type);
        Assert.Equal(patientEmail, logged.Recipient);
    }

    [Fact]
    public async Task Clearance_requests_and_plans_for_certification_reach_the_physician_as_secure_links()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var physicianEmail = Mailbox.Unique("physician");
        var referralId = Guid.NewGuid();
        var reference = "R-7HX-2PD";
        await probe.PublishAsync(Events.Referral(referralId, null, Events.Patient(null), Events.Physician(physicianEmail), "R-7HX-2PD"));
        await probe.PublishAsync(new ReferralReceived(referralId, null, Events.Patient(null), Events.Physician(physicianEmail), [], "routine", false, "R-7HX-2PD"));
        await infrastructure.WaitForMailAsync(physicianEmail);

        var clearance = new ClearanceRequested(referralId, [new ContraindicationFinding("anticoagulants", ContraindicationEffect.NeedsPhysicianClearance, null)]);
        await probe.PublishAsync(clearance);
        var planId = Guid.NewGuid();
        var plan = new TreatmentPlanActivated(planId, 2, referralId, ["deep tissue"], ["lower back"], 2, 4, 8, new DateOnly(2026, 12, 15));
        await probe.PublishAsync(plan);

        var mails = await infrastructure.WaitForMailAsync(physicianEmail, 3);
        var clearanceMail = Assert.Single(mails, m => m.Subject == $"Clearance requested for referral {reference}");
        Assert.Equal(referralId, service.LinkIn(clearanceMail.TextBody!, PhysicianLinkPurposes.GrantClearance).ReferralId);
        Assert.DoesNotContain("anticoagulants", clearanceMail.TextBody, StringComparison.Ordinal);
        var planMail = Assert.Single(mails, m => m.Subject == $"Plan of care for referral {reference}: certification requested");
        Assert.Contains("ready for your certification by December 15, 2026", planMail.TextBody, StringComparison.Ordinal);
        var planLink = service.LinkIn(planMail.TextBody!, PhysicianLinkPurposes.CertifyPlan);
        Assert.Equal((planId, 2), (planLink.Subject, planLink.Version));
        Assert.DoesNotContain("lower back", planMail.TextBody, StringComparison.Ordinal);

        Assert.Equal("clearance-request", Assert.Single(await client.WaitForMessagesAsync($"sourceEventId={clearance.EventId}", m => m.Count == 1, "clearance logged")).Type);
        Assert.Equal("treatment-plan-for-certification", Assert.Single(await client.WaitForMessagesAsync($"sourceEventId={plan.EventId}", m => m.Count == 1, "plan logged")).Type);
    }
}

using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.ServiceDefaults.PhysicianLinks;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class ReferralMessagesTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_referral_moving_through_its_states_reaches_the_physician_and_the_patient()
    {
        await using var service = new NotificationService(infrastructure);
        await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var physicianEmail = Mailbox.Unique("physician");
        var patientEmail = Mailbox.Unique();
        var patient = Events.Patient(patientEmail);
        var physician = Events.Physician(physicianEmail);
        var referralId = Guid.NewGuid();
        const string reference = "R-4KQ-7MZ";

        await probe.PublishAsync(Events.Referral(referralId, null, patient, physician, reference));
        await probe.PublishAsync(new ReferralReceived(referralId, null, patient, physician, ["M54.50"], "routine", false, reference));
        var ack = Assert.Single(await infrastructure.WaitForMailAsync(physicianEmail));
        Assert.Equal($"Referral {reference} received", ack.Subject);
        Assert.Contains("Dear Dr. Alan Grant", ack.TextBody, StringComparison.Ordinal);

        await probe.PublishAsync(new ReferralAccepted(referralId, null, patient, physician, ["M54.50"], ["deep tissue"], ["lower back"], [],
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new VisitCounts(10, 0, 10), reference));
        var accepted = Assert.Single(await infrastructure.WaitForMailAsync(patientEmail));
        Assert.Contains("book", accepted.Subject, StringComparison.Ordinal);
        Assert.Contains("valid until December 31, 2026", accepted.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("M54.50", accepted.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("lower back", accepted.TextBody, StringComparison.Ordinal);

        await probe.PublishAsync(new EvaluationCompleted(Guid.NewGuid(), referralId, Guid.NewGuid(), Guid.NewGuid(), 7,
            [new ContraindicationFinding("anticoagulants", ContraindicationEffect.NeedsPhysicianClearance, null)]));
        var mails = await infrastructure.WaitForMailAsync(physicianEmail, 2);
        var evaluation = Assert.Single(mails, m => m.Subject == $"Evaluation completed for referral {reference}");
        var evaluationLink = service.LinkIn(evaluation.TextBody!, PhysicianLinkPurposes.ReadEvaluation);
        Assert.Equal((referralId, physician.Npi), (evaluationLink.ReferralId, evaluationLink.PhysicianNpi));
        Assert.DoesNotContain("anticoagulants", evaluation.TextBody, StringComparison.Ordinal);

        var summaryId = Guid.NewGuid();
        await probe.PublishAsync(new DischargeSummaryIssued(summaryId, referralId, "https://docs.example.test/discharge/42", "goals met"));
        mails = await infrastructure.WaitForMailAsync(physicianEmail, 3);
        var summary = Assert.Single(mails, m => m.Subject?.StartsWith("Discharge summary", StringComparison.Ordinal) == true).TextBody!;
        Assert.Equal(summaryId, service.LinkIn(summary, PhysicianLinkPurposes.ReadDocument).Subject);
    }

    [Fact]
    public async Task A_rejected_referral_tells_the_physician_to_call_without_putting_the_free_text_reason_in_the_mail()
    {
        await using var service = new NotificationService(infrastructure);
        await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var physicianEmail = Mailbox.Unique("physician");

        await probe.PublishAsync(new ReferralRejected(Guid.NewGuid(), null, Events.Patient(null), Events.Physician(physicianEmail), "Deep vein thrombosis, left calf", "R-9QF-3KD"));

        var mail = Assert.Single(await infrastructure.WaitForMailAsync(physicianEmail));
        Assert.StartsWith("Referral R-9QF-3KD", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("please call us", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("thrombosis", mail.TextBody + mail.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_report_that_overtakes_the_referral_waits_for_it_and_then_reaches_the_physician()
    {
        await using var service = new NotificationService(infrastructure);
        await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var referralId = Guid.NewGuid();
        var physicianEmail = Mailbox.Unique("physician");

        var reportId = Guid.NewGuid();
        await probe.PublishAsync(new ProgressReportIssued(reportId, referralId, "https://docs.example.test/progress/1"));
        await Task.Delay(500);
        await probe.PublishAsync(Events.Referral(referralId, null, Events.Patient(null), Events.Physician(physicianEmail), "R-2MB-8TW"));

        var mail = Assert.Single(await infrastructure.WaitForMailAsync(physicianEmail));
        Assert.Contains("R-2MB-8TW", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(reportId, service.LinkIn(mail.TextBody!, PhysicianLinkPurposes.ReadDocument).Subject);
    }

    [Fact]
    public async Task A_physician_without_an_email_address_is_not_skipped_silently_staff_are_told()
    {
        await using var service = new NotificationService(infrastructure);
        var locationId = Guid.NewGuid();
        var client = await service.StartAsync(locationId);
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);

        await probe.PublishAsync(new ReferralReceived(Guid.NewGuid(), locationId, Events.Patient(null), Events.Physician(email: null), [], "routine", false));

        var alert = (await Eventually.WaitAsync(() => client.InboxAsync($"staff:{locationId}"), i => i.Count == 1, what: "staff alert"))[0];
        Assert.Equal("delivery-failed", alert.Type);
        Assert.Contains("Dr. Alan Grant (NPI 1234567893)", alert.Body, StringComparison.Ordinal);
        Assert.Contains("no email address on file", alert.Body, StringComparison.Ordinal);
    }
}

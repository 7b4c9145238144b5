// The FHIR model is nullable throughout; a missing element here fails the test with a NullReferenceException anyway.
#nullable disable warnings
using System.Net;
using Hl7.Fhir.Model;
using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.Notification.Api.Tests.Fhir;

/// <summary>The system that referred a patient reads what was sent to them, as FHIR Communications; no other system does.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CommunicationFhirTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_referring_system_reads_what_was_sent_to_its_patient_and_another_system_reads_nothing()
    {
        await using var service = new NotificationService(infrastructure);
        await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var patient = Events.Patient(Mailbox.Unique());
        var referralId = Guid.NewGuid();
        var referral = Events.Referral(referralId, Events.Downtown.LocationId, patient, Events.Physician(null), "R-FHR-001");
        await probe.PublishAsync(referral with { Referral = referral.Referral with { SubmitterClientId = "hospital-a" } });
        var booked = new AppointmentBooked(Events.Appointment(patient, DateTimeOffset.UtcNow.AddDays(3)));
        await probe.PublishAsync(booked);
        await infrastructure.WaitForMailAsync(patient.Email!);
        using var hospital = service.CreateClientAs(TestCaller.Integration("hospital-a", "system/Communication.read"));

        var sent = await Eventually.WaitAsync(
            async () => await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/Communication?based-on=ServiceRequest/{referralId}")),
            b => b.Entry.Any(e => ((Communication)e.Resource).Status == EventStatus.Completed), what: "the confirmation as a completed Communication");
        var confirmation = sent.Entry.Select(e => (Communication)e.Resource).First(c => c.Status == EventStatus.Completed);
        Assert.Equal($"Patient/{patient.PatientId}", confirmation.Recipient.Single().Reference);
        Assert.Equal(("email", "appointment-confirmed"), (confirmation.Medium[0].Text, confirmation.Topic.Coding[0].Code));
        Assert.Contains("confirmed", ((FhirString)confirmation.Payload[0].Content).Value, StringComparison.Ordinal);
        var read = await FhirAssert.ResourceAsync<Communication>(await hospital.GetAsync($"/fhir/Communication/{confirmation.Id}"));
        Assert.Equal(confirmation.Sent, read.Sent);
        Assert.Equal(sent.Total, (await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/Communication?patient=Patient/{patient.PatientId}"))).Total);

        using var other = service.CreateClientAs(TestCaller.Integration("hospital-b", "system/Communication.read"));
        Assert.Equal(0, (await FhirAssert.ResourceAsync<Bundle>(await other.GetAsync("/fhir/Communication"))).Total);
        await FhirAssert.OutcomeAsync(await other.GetAsync($"/fhir/Communication/{confirmation.Id}"), HttpStatusCode.NotFound);
        using var unscoped = service.CreateClientAs(TestCaller.Integration("hospital-a", "system/Appointment.read"));
        await FhirAssert.OutcomeAsync(await unscoped.GetAsync("/fhir/Communication"), HttpStatusCode.Forbidden);
    }
}

// The FHIR model is nullable throughout; a missing element here fails the test with a NullReferenceException anyway.
#nullable disable warnings
using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.Scheduling.Api.Tests.Fhir;

/// <summary>A hospital system finds free Slots for the referral it sent and books, reads and cancels Appointments.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AppointmentFhirTests(InfrastructureFixture infrastructure)
{
    private const string System = "st-mary-ehr";
    private static readonly TestCaller Hospital = TestCaller.Integration(System,
        "system/Slot.read", "system/Appointment.read", "system/Appointment.write", "system/Location.read", "system/Practitioner.read",
        "system/PractitionerRole.read", "system/Schedule.read");

    private static async Task<(SchedulingService Service, HttpClient Hospital, Guid Location, Guid Therapist, Guid Referral)> SetUpAsync(InfrastructureFixture infrastructure)
    {
        var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var therapist = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync(locationId: location, submitterClientId: System);
        return (service, service.CreateClientAs(Hospital), location, therapist, referral);
    }

    private static Task<Bundle> SlotsAsync(HttpClient client, Guid referral, string query = "start=ge2026-06-02&start=lt2026-06-03") =>
        client.GetAsync($"/fhir/Slot?based-on=ServiceRequest/{referral}&{query}").ContinueWith(r => FhirAssert.ResourceAsync<Bundle>(r.Result)).Unwrap();

    private static Appointment Booking(string slotId, Guid referral) => new()
    {
        Status = Appointment.AppointmentStatus.Proposed,
        Slot = [new ResourceReference($"Slot/{slotId}")],
        BasedOn = [new ResourceReference($"ServiceRequest/{referral}")],
        Participant = [new Appointment.ParticipantComponent { Status = ParticipationStatus.NeedsAction, Actor = new ResourceReference($"ServiceRequest/{referral}") }],
    };

    [Fact]
    public async Task A_free_slot_is_booked_read_back_found_and_cancelled_with_If_Match()
    {
        var (service, hospital, location, therapist, referral) = await SetUpAsync(infrastructure);
        await using var _ = service;

        var slots = await SlotsAsync(hospital, referral);
        Assert.True(slots.Total > 0);
        var slot = (Slot)slots.Entry[0].Resource;
        Assert.Equal((Slot.SlotStatus.Free, "evaluation"), (slot.Status.Value, slot.ServiceType[0].Coding[0].Code));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 13, 0, 0, TimeSpan.Zero), slot.Start); // 09:00 in New York
        Assert.Equal($"Schedule/{therapist}", slot.Schedule.Reference);

        var booked = await FhirAssert.ResourceAsync<Appointment>(
            await hospital.PostAsync("/fhir/Appointment", FhirAssert.Content(Booking(slot.Id, referral))), HttpStatusCode.Created);
        Assert.Equal((Appointment.AppointmentStatus.Booked, slot.Start, slot.End), (booked.Status.Value, booked.Start, booked.End));
        Assert.Equal($"Slot/{slot.Id}", booked.Slot[0].Reference);
        Assert.Contains(booked.Participant, p => p.Actor.Reference == $"Location/{location}");
        Assert.Equal(Slot.SlotStatus.Busy, (await FhirAssert.ResourceAsync<Slot>(await hospital.GetAsync($"/fhir/Slot/{slot.Id}"))).Status);
        var evaluationBooked = await FhirAssert.OutcomeAsync(
            await hospital.GetAsync($"/fhir/Slot?based-on=ServiceRequest/{referral}&start=ge2026-06-02&start=lt2026-06-03"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("evaluation-exists", evaluationBooked.Issue[0].Diagnostics, StringComparison.Ordinal);

        var read = await FhirAssert.ResourceAsync<Appointment>(await hospital.GetAsync($"/fhir/Appointment/{booked.Id}"));
        Assert.Equal(booked.Meta.VersionId, read.Meta.VersionId);
        foreach (var query in new[] { $"based-on=ServiceRequest/{referral}", "date=2026-06-02", "status=booked", $"practitioner=Practitioner/{therapist}", $"location={location}" })
        {
            var found = await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/Appointment?{query}"));
            Assert.Equal(booked.Id, Assert.Single(found.Entry).Resource.Id);
        }
        Assert.Equal(0, (await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync("/fhir/Appointment?date=2026-06-03"))).Total);

        read.Status = Appointment.AppointmentStatus.Cancelled;
        read.CancelationReason = new CodeableConcept { Text = "Patient admitted" };
        await FhirAssert.OutcomeAsync(await PutAsync(hospital, read, "12345"), HttpStatusCode.PreconditionFailed);
        var cancelled = await FhirAssert.ResourceAsync<Appointment>(await PutAsync(hospital, read, read.Meta.VersionId));
        Assert.Equal((Appointment.AppointmentStatus.Cancelled, "Patient admitted"), (cancelled.Status.Value, cancelled.CancelationReason.Text));
        Assert.Equal(Slot.SlotStatus.Free, (await FhirAssert.ResourceAsync<Slot>(await hospital.GetAsync($"/fhir/Slot/{slot.Id}"))).Status);
    }

    [Fact]
    public async Task A_taken_slot_is_refused_and_other_systems_referrals_have_no_slots_and_no_visits()
    {
        var (service, hospital, location, _, referral) = await SetUpAsync(infrastructure);
        await using var _ = service;
        var slot = (await SlotsAsync(hospital, referral)).Entry[0].Resource.Id;
        var second = await service.AcceptReferralAsync(locationId: location, submitterClientId: System);

        var first = await FhirAssert.ResourceAsync<Appointment>(await hospital.PostAsync("/fhir/Appointment", FhirAssert.Content(Booking(slot, referral))), HttpStatusCode.Created);
        var taken = await FhirAssert.OutcomeAsync(await hospital.PostAsync("/fhir/Appointment", FhirAssert.Content(Booking(slot, second))), HttpStatusCode.Conflict);
        Assert.Contains("therapist", taken.Issue[0].Diagnostics, StringComparison.OrdinalIgnoreCase);

        using var other = service.CreateClientAs(TestCaller.Integration("other-ehr", "system/Slot.read", "system/Appointment.read", "system/Appointment.write"));
        Assert.Equal(0, (await SlotsAsync(other, referral)).Total);
        await FhirAssert.OutcomeAsync(await other.PostAsync("/fhir/Appointment", FhirAssert.Content(Booking(slot, referral))), HttpStatusCode.UnprocessableEntity);
        await FhirAssert.OutcomeAsync(await other.GetAsync($"/fhir/Appointment/{first.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await FhirAssert.ResourceAsync<Bundle>(await other.GetAsync("/fhir/Appointment"))).Total);

        await FhirAssert.OutcomeAsync(await hospital.PostAsync("/fhir/Appointment", FhirAssert.Content(Booking("not-a-slot", referral))), HttpStatusCode.UnprocessableEntity);
        await FhirAssert.OutcomeAsync(await hospital.GetAsync("/fhir/Slot?start=ge2026-06-02"), HttpStatusCode.BadRequest);
        await FhirAssert.OutcomeAsync(await hospital.GetAsync($"/fhir/Slot?based-on=ServiceRequest/{referral}&start=ge2026-06-02&start=lt2026-08-02"), HttpStatusCode.BadRequest);
        await FhirAssert.OutcomeAsync(await hospital.GetAsync("/fhir/Slot/abc"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_directory_shows_locations_therapists_with_their_qualifications_roles_and_schedules()
    {
        var (service, hospital, location, therapist, _) = await SetUpAsync(infrastructure);
        await using var _ = service;

        var place = await FhirAssert.ResourceAsync<Location>(await hospital.GetAsync($"/fhir/Location/{location}"));
        Assert.Equal(("Downtown clinic", 7), (place.Name, place.HoursOfOperation.Count));
        var practitioner = await FhirAssert.ResourceAsync<Practitioner>(await hospital.GetAsync($"/fhir/Practitioner/{therapist}"));
        Assert.Equal("MT-1234", practitioner.Qualification[0].Identifier[0].Value);
        var role = await FhirAssert.ResourceAsync<PractitionerRole>(await hospital.GetAsync($"/fhir/PractitionerRole/{therapist}"));
        Assert.Equal($"Location/{location}", role.Location.Single().Reference);
        var schedules = await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/Schedule?actor=Location/{location}"));
        Assert.Equal(therapist.ToString(), Assert.Single(schedules.Entry).Resource.Id);
        Assert.Equal(1, (await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync("/fhir/Practitioner?name=dana"))).Total);
        Assert.Equal(1, (await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/PractitionerRole?location=Location/{location}"))).Total);
        Assert.Equal(1, (await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync("/fhir/Location?name=downtown"))).Total);

        using var noScope = service.CreateClientAs(TestCaller.Integration(System, "system/Slot.read"));
        await FhirAssert.OutcomeAsync(await noScope.GetAsync($"/fhir/Location/{location}"), HttpStatusCode.Forbidden);
        await FhirAssert.OutcomeAsync(await noScope.PostAsync("/fhir/Appointment", FhirAssert.Content(new Appointment())), HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Appointment appointment, string version)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, $"/fhir/Appointment/{appointment.Id}") { Content = FhirAssert.Content(appointment) };
        message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\"", isWeak: true));
        return client.SendAsync(message);
    }
}

// The FHIR model is nullable throughout; a missing element here fails the test with a NullReferenceException anyway.
#nullable disable warnings
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.EndToEnd.Tests;

/// <summary>
/// A hospital system that speaks only FHIR R4 and OAuth2, played by the Firely SDK's own FhirClient through the
/// gateway: it refers a patient, books the evaluation, follows the referral, and reads the outcomes and the report.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class FhirHospitalTests(SuiteFixture suite)
{
    private static readonly Guid Riverside = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");
    private const string Orders = "urn:oid:2.16.840.1.113883.3.7.1";
    private const string Scopes = "system/ServiceRequest.write system/ServiceRequest.read system/Patient.read system/Slot.read "
        + "system/Appointment.read system/Appointment.write system/Observation.read system/DocumentReference.read system/Communication.read";

    [Fact]
    public async Task A_hospital_refers_books_follows_and_reads_outcomes_through_the_gateway_with_a_standard_FHIR_client()
    {
        var token = await SuiteTokens.WithSignedAssertionAsync(suite.GatewayUrl, SuiteFixture.HospitalClientId, suite.HospitalKey, Scopes);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var hospital = new FhirClient(new Uri(suite.GatewayUrl, "/fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });
        using var admin = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        await Journey.SetUpClinicAsync(admin, Riverside);
        var fran = await Journey.TherapistAsync(admin, "Fran Hirsch"); // hers alone, so other journeys' bookings never meet this one

        // Discovery, then the referral, sent twice with one identifier: one referral.
        var capabilities = await hospital.CapabilityStatementAsync();
        Assert.Contains(capabilities.Rest[0].Resource, r => r.Type == "Slot");
        var order = $"ORD-{Guid.NewGuid():N}";
        var first = await hospital.ConditionalCreateAsync(Referral(order), new SearchParams().Add("identifier", $"{Orders}|{order}"));
        var again = await hospital.ConditionalCreateAsync(Referral(order), new SearchParams().Add("identifier", $"{Orders}|{order}"));
        Assert.Equal(first.Id, again.Id);
        FhirAssert.Valid(first);
        var found = await hospital.SearchAsync<ServiceRequest>([$"identifier={Orders}|{order}"]);
        Assert.Equal(1, found.Total);

        // The clinic accepts it; the hospital finds Fran's free slots for it and books the first.
        var referralId = Guid.Parse(first.Id);
        await Journey.ReadAsync(await admin.PostAsync($"/api/referrals/{referralId}/accept", null), HttpStatusCode.OK);
        await Journey.UntilAsync(admin, $"/api/scheduling/referrals/{referralId}", r => r.GetProperty("status").GetString() == "accepted");
        var now = DateTimeOffset.UtcNow;
        var slots = await Eventually.WaitAsync(() => hospital.SearchAsync<Slot>([$"based-on=ServiceRequest/{first.Id}", $"schedule=Schedule/{fran}",
            $"start=ge{now:yyyy-MM-ddTHH:mm:ssZ}", $"start=lt{now.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}", "status=free"]),
            b => b.Total > 0, TimeSpan.FromSeconds(30), "free slots for the referral");
        var slot = (Slot)slots.Entry[0].Resource;
        var booked = await hospital.CreateAsync(new Appointment
        {
            Status = Appointment.AppointmentStatus.Proposed,
            Slot = [new ResourceReference($"Slot/{slot.Id}")],
            BasedOn = [new ResourceReference($"ServiceRequest/{first.Id}")],
            Participant = [new Appointment.ParticipantComponent { Actor = new ResourceReference(first.Subject.Reference), Status = ParticipationStatus.Accepted }],
        });
        var read = await hospital.ReadAsync<Appointment>($"Appointment/{booked.Id}");
        Assert.Equal((Appointment.AppointmentStatus.Booked, slot.Start), (read.Status, read.Start));
        FhirAssert.Valid(read);
        var visits = await hospital.SearchAsync<Appointment>([$"based-on=ServiceRequest/{first.Id}"]);
        Assert.Equal(booked.Id, Assert.Single(visits.Entry).Resource.Id);
        await Assert.ThrowsAsync<FhirOperationException>(() => hospital.CreateAsync(new Appointment
        {
            Status = Appointment.AppointmentStatus.Proposed, Slot = [new ResourceReference($"Slot/{slot.Id}")],
            BasedOn = [new ResourceReference($"ServiceRequest/{first.Id}")], Participant = read.Participant,
        }));

        // The evaluation is done and a progress report issued; the hospital follows the referral and reads both.
        var evaluation = await Journey.EvaluateAsync(admin, referralId, Guid.Parse(booked.Id),
            new { name = "Varicose veins", effect = "ExcludesLocalArea", bodyRegion = "left calf" }, "Entered from Fran Hirsch's paper form");
        await Journey.ReadAsync(await admin.PostAsync($"/api/clinical-notes/referrals/{referralId}/progress-reports", null), HttpStatusCode.Created);
        var followed = await hospital.ReadAsync<ServiceRequest>($"ServiceRequest/{first.Id}");
        Assert.Equal(RequestStatus.Active, followed.Status);
        var reports = await hospital.SearchAsync<DocumentReference>([$"related=ServiceRequest/{first.Id}", "type=http://loinc.org|11506-3"]);
        var report = (DocumentReference)Assert.Single(reports.Entry).Resource;
        Assert.Contains("Progress report", Encoding.UTF8.GetString(report.Content[0].Attachment.Data), StringComparison.Ordinal);
        var outcomes = await hospital.SearchAsync<Observation>([$"based-on=ServiceRequest/{first.Id}"]);
        Assert.Equal([$"{evaluation}-outcome", $"{evaluation}-pain"], outcomes.Entry.Select(e => e.Resource.Id).Order());
        var messages = await Eventually.WaitAsync(() => hospital.SearchAsync<Communication>([$"based-on=ServiceRequest/{first.Id}"]),
            b => b.Total > 0, TimeSpan.FromSeconds(30), "the booking confirmation sent to the patient");
        Assert.All(messages.Entry, e => FhirAssert.Valid(e.Resource));
    }

    [Fact]
    public async Task Malformed_FHIR_is_400_an_unknown_resource_404_and_neither_is_ever_a_500()
    {
        var token = await SuiteTokens.WithSignedAssertionAsync(suite.GatewayUrl, SuiteFixture.HospitalClientId, suite.HospitalKey, Scopes);
        using var raw = suite.GatewayAs(token);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var hospital = new FhirClient(new Uri(suite.GatewayUrl, "/fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

        var malformed = await raw.PostAsync("/fhir/ServiceRequest", new StringContent("{\"resourceType\":\"ServiceRequest\",\"status\":", Encoding.UTF8, "application/fhir+json"));
        await FhirAssert.OutcomeAsync(malformed, HttpStatusCode.BadRequest);
        var unknownType = await Assert.ThrowsAsync<FhirOperationException>(() => hospital.ReadAsync<Medication>("Medication/1"));
        Assert.Equal(HttpStatusCode.NotFound, unknownType.Status);
        var unknownReferral = await Assert.ThrowsAsync<FhirOperationException>(() => hospital.ReadAsync<ServiceRequest>($"ServiceRequest/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, unknownReferral.Status);
        Assert.NotNull(unknownReferral.Outcome);
    }

    private static ServiceRequest Referral(string order)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new ServiceRequest
        {
            Identifier = [new Identifier(Orders, order)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference("#patient"),
            Requester = new ResourceReference("#physician"),
            ReasonCode = [new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "M54.50")],
            OrderDetail = [new CodeableConcept("https://medmassage.example/fhir/CodeSystem/technique", "myofascial-release")],
            BodySite = [new CodeableConcept { Text = "lower-back" }],
            Occurrence = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = 1, Period = 1, PeriodUnit = Timing.UnitsOfTime.Wk, Count = 6,
                    Bounds = new Period { Start = today.AddDays(-1).ToString("yyyy-MM-dd"), End = today.AddDays(90).ToString("yyyy-MM-dd") },
                },
            },
            Quantity = new Quantity { Value = 6, Unit = "visits" },
            LocationReference = [new ResourceReference($"Location/{Riverside}")],
            Contained =
            [
                new Patient
                {
                    Id = "patient", Name = [new HumanName { Family = "Okafor", Given = ["Ada"] }], BirthDate = "1975-03-09", Gender = AdministrativeGender.Female,
                    Identifier = [new Identifier("urn:oid:2.16.840.1.113883.3.7.2", $"MRN-{order}")],
                    Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, $"{order}@patients.example")],
                },
                new Practitioner
                {
                    Id = "physician", Identifier = [new Identifier("http://hl7.org/fhir/sid/us-npi", "1234567893")], Name = [new HumanName { Text = "Dr. Grace Hopper" }],
                    Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, $"dr-{order}@clinic.example")],
                },
            ],
        };
    }
}

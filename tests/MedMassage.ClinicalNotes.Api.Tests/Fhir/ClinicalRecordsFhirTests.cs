// The FHIR model is nullable throughout; a missing element here fails the test with a NullReferenceException anyway.
#nullable disable warnings
using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.ClinicalNotes.Api.Tests.Fhir;

/// <summary>The system that referred a patient reads the outcomes, plan and reports as FHIR; no other system does.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ClinicalRecordsFhirTests(InfrastructureFixture infrastructure)
{
    private static readonly TestCaller Hospital = TestCaller.Integration("hospital-a",
        "system/Observation.read", "system/CarePlan.read", "system/DocumentReference.read");

    [Fact]
    public async Task Outcomes_plan_reports_and_addenda_of_the_systems_referral_read_as_valid_FHIR()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referral = await clinic.AcceptReferralAsync(submitterClientId: "hospital-a");
        var evaluation = await CourseOfCareTests.EvaluatedAsync(api, referral, (await clinic.BookAsync(referral, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluation)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        var visit = (await clinic.BookAsync(referral, "treatment"))[0];
        var note = await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visit, painBefore: 6)), HttpStatusCode.Created);
        await Clinic.ReadAsync<VisitNoteResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/visit-notes/{note.Id}/sign", UriKind.Relative), null), HttpStatusCode.OK);
        var report = await Clinic.ReadAsync<DocumentResponse>(
            await api.PostAsync(new Uri($"/api/clinical-notes/referrals/{referral}/progress-reports", UriKind.Relative), null), HttpStatusCode.Created);
        await Clinic.ReadAsync<AddendumResponse>(await api.PostJsonAsync($"/api/clinical-notes/visit-notes/{note.Id}/addenda",
            new { reason = "Wrong side recorded", text = "Right side only." }), HttpStatusCode.Created);
        using var hospital = clinic.Service.CreateClientAs(Hospital);

        var observations = await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/Observation?based-on=ServiceRequest/{referral}"));
        Assert.Equal(4, observations.Total); // evaluation pain and outcome score, pain before and after the visit
        var pain = await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/Observation?code=http://loinc.org|72514-3&based-on=ServiceRequest/{referral}"));
        var scores = pain.Entry.Select(e => (Observation)e.Resource).ToDictionary(o => o.Id, o => ((Integer)o.Value).Value);
        Assert.Equal((7, 6, 3), (scores[$"{evaluation}-pain"], scores[$"{note.Id}-pain-before"], scores.Count));
        var outcome = await FhirAssert.ResourceAsync<Observation>(await hospital.GetAsync($"/fhir/Observation/{evaluation}-outcome"));
        Assert.Equal(44m, ((Quantity)outcome.Value).Value);

        var carePlan = await FhirAssert.ResourceAsync<CarePlan>(await hospital.GetAsync($"/fhir/CarePlan/{plan.Id}"));
        Assert.Equal((RequestStatus.Active, "1"), (carePlan.Status.Value, carePlan.Meta.VersionId));
        Assert.Single((await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/CarePlan?based-on=ServiceRequest/{referral}"))).Entry);

        var documents = await FhirAssert.ResourceAsync<Bundle>(await hospital.GetAsync($"/fhir/DocumentReference?related=ServiceRequest/{referral}"));
        Assert.Equal(2, documents.Total);
        var progress = await FhirAssert.ResourceAsync<DocumentReference>(await hospital.GetAsync($"/fhir/DocumentReference/{report.Id}"));
        Assert.Equal("11506-3", progress.Type.Coding[0].Code);
        Assert.Contains("<h1>Progress report</h1>", Encoding.UTF8.GetString(progress.Content[0].Attachment.Data), StringComparison.Ordinal);
        var addendum = documents.Entry.Select(e => (DocumentReference)e.Resource).Single(d => d.Id != report.Id.ToString());
        Assert.Equal((DocumentRelationshipType.Appends, $"DocumentReference/{report.Id}"), (addendum.RelatesTo[0].Code.Value, addendum.RelatesTo[0].Target.Reference));

        using var other = clinic.Service.CreateClientAs(TestCaller.Integration("hospital-b", "system/Observation.read", "system/CarePlan.read", "system/DocumentReference.read"));
        Assert.Equal(0, (await FhirAssert.ResourceAsync<Bundle>(await other.GetAsync("/fhir/Observation"))).Total);
        await FhirAssert.OutcomeAsync(await other.GetAsync($"/fhir/CarePlan/{plan.Id}"), HttpStatusCode.NotFound);
        await FhirAssert.OutcomeAsync(await other.GetAsync($"/fhir/DocumentReference/{report.Id}"), HttpStatusCode.NotFound);
        using var reportsOnly = clinic.Service.CreateClientAs(TestCaller.Integration("hospital-a", "system/DocumentReference.read"));
        await FhirAssert.OutcomeAsync(await reportsOnly.GetAsync("/fhir/Observation"), HttpStatusCode.Forbidden);
        await FhirAssert.OutcomeAsync(await hospital.GetAsync("/fhir/Observation?subject=x"), HttpStatusCode.BadRequest);
    }
}

using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.Referral.Api.Tests.Fhir;

/// <summary>Whatever a FHIR client gets wrong, it gets an OperationOutcome with the right status, and nothing is stored.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FhirRefusalTests(InfrastructureFixture infrastructure)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, FhirJson.ContentType);

    [Fact]
    public async Task Malformed_or_invalid_FHIR_is_refused_with_an_OperationOutcome_and_nothing_is_stored()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.Integration("st-mary-ehr", FhirReferrals.Scopes));

        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", Json("{\"resourceType\":\"ServiceRequest\",")), HttpStatusCode.BadRequest);
        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", Json("[]")), HttpStatusCode.BadRequest); // once a 500
        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", Json("null")), HttpStatusCode.BadRequest);
        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", Json("{\"resourceType\":\"ServiceRequest\",\"status\":\"sleeping\"}")), HttpStatusCode.BadRequest);
        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", FhirAssert.Content(FhirReferrals.Patient("MRN-1"))), HttpStatusCode.BadRequest);
        var badCode = FhirReferrals.Request("ORD-9");
        badCode.ReasonCode = [new CodeableConcept(FhirSystems.Icd10Cm, "not-a-code")];
        var rule = await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", FhirAssert.Content(badCode)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("diagnoses", rule.Issue[0].Diagnostics, StringComparison.Ordinal);
        var unknownPatient = FhirReferrals.Request("ORD-8", $"Patient/{Guid.NewGuid()}");
        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", FhirAssert.Content(unknownPatient)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(0, await app.QueryAsync(db => db.Referrals.CountAsync()));
        await FhirAssert.OutcomeAsync(await app.Client.GetAsync($"/fhir/ServiceRequest/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await FhirAssert.OutcomeAsync(await app.Client.GetAsync("/fhir/ServiceRequest/not-a-guid"), HttpStatusCode.NotFound);
        await FhirAssert.OutcomeAsync(await app.Client.DeleteAsync($"/fhir/ServiceRequest/{Guid.NewGuid()}"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_forbidden_and_no_token_is_unauthorized_both_as_OperationOutcome()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.Integration("reader-ehr", "system/ServiceRequest.read"));

        await FhirAssert.OutcomeAsync(await app.Client.PostAsync("/fhir/ServiceRequest", FhirAssert.Content(FhirReferrals.Request("ORD-5"))), HttpStatusCode.Forbidden);
        await FhirAssert.OutcomeAsync(await app.Client.GetAsync("/fhir/Patient"), HttpStatusCode.Forbidden);
        using var staff = app.CreateClientAs(TestCaller.ClinicAdmin(TestReferrals.Clinic));
        await FhirAssert.OutcomeAsync(await staff.GetAsync("/fhir/ServiceRequest"), HttpStatusCode.Forbidden);
        using var anonymous = app.CreateAnonymousClient();
        await FhirAssert.OutcomeAsync(await anonymous.GetAsync("/fhir/ServiceRequest"), HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }
}

using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Apis.Fhir;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing.Fhir;

namespace MedMassage.Referral.Api.Tests.Fhir;

/// <summary>Round trips of the mappings, without servers: what a referral says survives FHIR and back.</summary>
public sealed class ServiceRequestMappingTests
{
    private static MedMassage.Referral.Api.Domain.Referral Referral() =>
        DomainReferrals.Received(r => r with { Identifier = new IdentifierInput("urn:oid:1.2.3", "ORD-77"), Priority = "urgent" });

    [Fact]
    public void A_referral_as_a_ServiceRequest_is_valid_R4_and_reads_back_as_the_same_submission()
    {
        var referral = Referral();
        var fhir = FhirJson.Deserialize<ServiceRequest>(FhirJson.Serialize(ServiceRequestMapping.ToFhir(referral)));
        FhirAssert.Valid(fhir);

        var patient = PatientMapping.ToInput(PatientMapping.ToFhir(referral.Patient), referral.Patient.Id);
        var (submission, error) = ServiceRequestReading.Read(fhir, patient);
        Assert.Null(error);
        var errors = ReferralValidator.Validate(submission!, DomainReferrals.Today, out var content);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        Assert.Equivalent(referral.Patient, content!.Patient, strict: true);
        Assert.Equal(referral.Physician.Npi, content.Physician.Npi);
        Assert.Equal(referral.Physician.Name, content.Physician.Name);
        Assert.Equal(referral.DiagnosisCodes, content.Diagnoses);
        Assert.Equal(referral.Techniques, content.Techniques);
        Assert.Equal(referral.BodyRegions, content.BodyRegions);
        Assert.Equal((referral.SessionsPerWeek, referral.Weeks, referral.AuthorizedVisits), (content.SessionsPerWeek, content.Weeks, content.AuthorizedVisits));
        Assert.Equal((referral.ValidFrom, referral.ValidUntil), (content.ValidFrom, content.ValidUntil));
        Assert.Equal((referral.Insurance!.Payer, referral.Insurance.MemberId, referral.Insurance.AuthorizationNumber),
            (content.Insurance!.Payer, content.Insurance.MemberId, content.Insurance.AuthorizationNumber));
        Assert.Equal((referral.LocationId, referral.Priority, referral.Notes), (content.LocationId, content.Priority, content.Notes));
        Assert.Equal(new ExternalIdentifier("urn:oid:1.2.3", "ORD-77"), content.Identifier);
    }

    [Theory]
    [InlineData(ReferralStatus.Received, RequestStatus.Active)]
    [InlineData(ReferralStatus.InTreatment, RequestStatus.Active)]
    [InlineData(ReferralStatus.OnHold, RequestStatus.OnHold)]
    [InlineData(ReferralStatus.Cancelled, RequestStatus.Revoked)]
    [InlineData(ReferralStatus.Expired, RequestStatus.Revoked)]
    [InlineData(ReferralStatus.Exhausted, RequestStatus.Completed)]
    public void Each_status_reads_as_the_FHIR_request_status_that_means_the_same(ReferralStatus status, RequestStatus expected) =>
        Assert.Equal(expected, ServiceRequestMapping.ToFhirStatus(status));

    [Fact]
    public void A_patient_as_FHIR_keeps_name_birth_date_contacts_preferred_channel_language_and_identifiers()
    {
        var patient = Referral().Patient;
        var fhir = PatientMapping.ToFhir(patient);
        FhirAssert.Valid(fhir);
        var errors = new FieldErrors();
        var back = PartyValidator.Patient(PatientMapping.ToInput(fhir, patient.Id), DomainReferrals.Today, errors);
        Assert.False(errors.Any);
        Assert.Equivalent(patient, back, strict: true);
    }

    [Fact]
    public void Timing_that_is_not_weekly_or_not_whole_weeks_is_refused_with_the_reason()
    {
        var fhir = ServiceRequestMapping.ToFhir(Referral());
        var patient = PatientMapping.ToInput(PatientMapping.ToFhir(Referral().Patient));
        var repeat = ((Timing)fhir.Occurrence!).Repeat!;
        repeat.PeriodUnit = Timing.UnitsOfTime.D;
        Assert.Contains("wk", ServiceRequestReading.Read(fhir, patient).Error, StringComparison.Ordinal);
        repeat.PeriodUnit = Timing.UnitsOfTime.Wk;
        repeat.Count = 13;
        Assert.Contains("whole number of weeks", ServiceRequestReading.Read(fhir, patient).Error, StringComparison.Ordinal);
    }
}

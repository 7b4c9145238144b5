using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Tests.Support;

namespace MedMassage.Referral.Api.Tests.Fhir;

/// <summary>ServiceRequests and Patients as a hospital's EHR would send them.</summary>
internal static class FhirReferrals
{
    public const string OrderSystem = "urn:oid:2.16.840.1.113883.3.7.1";
    public const string MrnSystem = "urn:oid:2.16.840.1.113883.3.7.2";
    public static readonly string[] Scopes =
        ["system/ServiceRequest.write", "system/ServiceRequest.read", "system/Patient.write", "system/Patient.read"];

    public static Patient Patient(string mrn, string family = "Lopez") => new()
    {
        Identifier = [new Identifier(MrnSystem, mrn)],
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = ["Maria"] }],
        BirthDate = "1980-04-12",
        Gender = AdministrativeGender.Female,
        Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, "maria@example.org") { Rank = 1 },
            new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, "+1 555 0100") { Rank = 2 }],
        Communication = [new Patient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", "es-US"), Preferred = true }],
    };

    /// <summary>A referral for two sessions a week over six weeks, twelve visits, the patient contained unless <paramref name="patient"/> names one.</summary>
    public static ServiceRequest Request(string order, string? patient = null, Guid? location = null)
    {
        var today = TestReferrals.Today();
        var request = new ServiceRequest
        {
            Identifier = [new Identifier(OrderSystem, order)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Priority = RequestPriority.Routine,
            Code = new CodeableConcept { Text = "Medical massage therapy" },
            Subject = new ResourceReference(patient ?? "#patient"),
            Requester = new ResourceReference("#physician"),
            ReasonCode = [new CodeableConcept(FhirSystems.Icd10Cm, "M54.50"), new CodeableConcept(FhirSystems.Icd10Cm, "M62.830")],
            OrderDetail = [new CodeableConcept(FhirSystems.Technique, "myofascial-release"), new CodeableConcept(FhirSystems.Technique, "trigger-point")],
            BodySite = [new CodeableConcept(FhirSystems.BodyRegion, "lower-back")],
            Occurrence = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = 2, Period = 1, PeriodUnit = Timing.UnitsOfTime.Wk, Count = 12,
                    Bounds = new Period { Start = today.AddDays(-1).ToString("yyyy-MM-dd"), End = today.AddDays(60).ToString("yyyy-MM-dd") },
                },
            },
            Quantity = new Quantity { Value = 12, Unit = "visits" },
            LocationReference = [new ResourceReference($"Location/{location ?? TestReferrals.Clinic}")],
            Note = [new Annotation { Text = "Evaluate and treat." }],
            Insurance = [new ResourceReference("#coverage")],
        };
        if (patient is null)
        {
            var contained = Patient("MRN-" + order);
            contained.Id = "patient";
            request.Contained.Add(contained);
        }
        request.Contained.Add(new Practitioner
        {
            Id = "physician",
            Identifier = [new Identifier(FhirSystems.Npi, TestReferrals.Npi)],
            Name = [new HumanName { Text = "Dr. John Carter" }],
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, "carter@stmary.example")],
        });
        request.Contained.Add(new Coverage
        {
            Id = "coverage",
            Status = FinancialResourceStatusCodes.Active,
            Beneficiary = new ResourceReference(patient ?? "#patient"),
            SubscriberId = "ACM-123",
            Payor = [new ResourceReference { Display = "Acme Health" }],
            Identifier = [new Identifier { Value = "AUTH-9" }],
        });
        return request;
    }
}

using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Domain;

namespace MedMassage.Referral.Api.Apis.Fhir;

/// <summary>A referral as a FHIR ServiceRequest: the order, its patient by reference, its physician and insurance contained.</summary>
public static class ServiceRequestMapping
{
    public static RequestStatus ToFhirStatus(ReferralStatus status) => status switch
    {
        ReferralStatus.Received or ReferralStatus.Accepted or ReferralStatus.InTreatment => RequestStatus.Active,
        ReferralStatus.OnHold => RequestStatus.OnHold,
        ReferralStatus.Completed or ReferralStatus.Exhausted => RequestStatus.Completed,
        _ => RequestStatus.Revoked, // rejected, cancelled, expired: no longer authorizes care
    };

    public static ServiceRequest ToFhir(Domain.Referral referral)
    {
        var patient = FhirReferences.To("Patient", referral.Patient.Id);
        var request = new ServiceRequest
        {
            Id = referral.Id.ToString(),
            Meta = new Meta { VersionId = referral.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = referral.UpdatedAt },
            Status = ToFhirStatus(referral.Status),
            Intent = RequestIntent.Order,
            Priority = referral.Priority == "urgent" ? RequestPriority.Urgent : RequestPriority.Routine,
            Code = new CodeableConcept { Text = "Medical massage therapy" },
            Subject = new ResourceReference(patient, referral.Patient.FullName),
            AuthoredOn = referral.ReceivedAt.ToString("o"),
            Requester = new ResourceReference { Reference = "#physician", Display = referral.Physician.Name },
            Occurrence = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = referral.SessionsPerWeek,
                    Period = 1,
                    PeriodUnit = Timing.UnitsOfTime.Wk,
                    Count = referral.SessionsPerWeek * referral.Weeks,
                    Bounds = new Period { Start = referral.ValidFrom.ToString("yyyy-MM-dd"), End = referral.ValidUntil.ToString("yyyy-MM-dd") },
                },
            },
            Quantity = new Quantity { Value = referral.AuthorizedVisits, Unit = "visits" },
        };
        request.Identifier.Add(new Identifier(FhirSystems.ReferralReference, referral.Reference));
        if (referral.SubmitterIdentifier?.Split('|', 2) is [var system, var value])
        {
            request.Identifier.Add(new Identifier(system, value));
        }
        request.ReasonCode.AddRange(referral.DiagnosisCodes.Select(code => new CodeableConcept(FhirSystems.Icd10Cm, code)));
        request.OrderDetail.AddRange(referral.Techniques.Select(t => new CodeableConcept(FhirSystems.Technique, t)));
        request.BodySite.AddRange(referral.BodyRegions.Select(b => new CodeableConcept(FhirSystems.BodyRegion, b) { Text = b }));
        if (referral.LocationId is { } location)
        {
            request.LocationReference.Add(new ResourceReference(FhirReferences.To("Location", location)));
        }
        if (referral.Notes is { } notes)
        {
            request.Note.Add(new Annotation { Text = notes });
        }
        request.Contained.Add(Physician(referral.Physician));
        if (referral.Insurance is { } insurance)
        {
            request.Contained.Add(Coverage(insurance, patient));
            request.Insurance.Add(new ResourceReference("#coverage"));
        }
        return request;
    }

    private static Practitioner Physician(Physician physician)
    {
        var practitioner = new Practitioner
        {
            Id = "physician",
            Identifier = [new Identifier(FhirSystems.Npi, physician.Npi)],
            Name = [new HumanName { Text = physician.Name }],
        };
        void Add(ContactPoint.ContactPointSystem system, string? value)
        {
            if (value is not null)
            {
                practitioner.Telecom.Add(new ContactPoint(system, ContactPoint.ContactPointUse.Work, value));
            }
        }
        Add(ContactPoint.ContactPointSystem.Phone, physician.Phone);
        Add(ContactPoint.ContactPointSystem.Fax, physician.Fax);
        Add(ContactPoint.ContactPointSystem.Email, physician.Email);
        return practitioner;
    }

    private static Coverage Coverage(Insurance insurance, string patient)
    {
        var coverage = new Coverage
        {
            Id = "coverage",
            Status = FinancialResourceStatusCodes.Active,
            Beneficiary = new ResourceReference(patient),
            SubscriberId = insurance.MemberId,
            Payor = [new ResourceReference { Display = insurance.Payer }],
        };
        if (insurance.AuthorizationNumber is { } authorization)
        {
            coverage.Identifier.Add(new Identifier { Value = authorization, Type = new CodeableConcept { Text = "authorization number" } });
        }
        return coverage;
    }
}

using Hl7.Fhir.Model;
using MedMassage.Referral.Api.Apis.Contracts;
using DomainPatient = MedMassage.Referral.Api.Domain.Patient;

namespace MedMassage.Referral.Api.Apis.Fhir;

/// <summary>A patient as FHIR Patient and back; what it means is checked by the same validation as the REST submission.</summary>
public static class PatientMapping
{
    public static Patient ToFhir(DomainPatient patient, DateTimeOffset? lastUpdated = null)
    {
        var fhir = new Patient
        {
            Id = patient.Id.ToString(),
            Meta = lastUpdated is { } at ? new Meta { LastUpdated = at } : null,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = patient.LastName, Given = [patient.FirstName] }],
            BirthDate = patient.DateOfBirth.ToString("yyyy-MM-dd"),
            Gender = patient.Sex switch
            {
                "female" => AdministrativeGender.Female,
                "male" => AdministrativeGender.Male,
                "other" => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            Identifier = [.. patient.Identifiers.Select(i => new Identifier(i.System, i.Value))],
            Communication = [new Patient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", patient.Language), Preferred = true }],
        };
        if (patient.Phone is { } phone)
        {
            fhir.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, phone) { Rank = patient.PreferredChannel == "email" ? 2 : 1 });
        }
        if (patient.Email is { } email)
        {
            fhir.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email) { Rank = patient.PreferredChannel == "email" ? 1 : 2 });
        }
        return fhir;
    }

    /// <summary>
    /// The submission's patient. The preferred channel is the telecom ranked first (an SMS-capable phone unless an
    /// e-mail ranks higher); language is the preferred communication.
    /// </summary>
    public static PatientInput ToInput(Patient patient, Guid? id = null)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var telecom = patient.Telecom.Where(t => t.Value is not null).OrderBy(t => t.Rank ?? int.MaxValue).ToList();
        var phone = telecom.FirstOrDefault(t => t.System is ContactPoint.ContactPointSystem.Phone or ContactPoint.ContactPointSystem.Sms)?.Value;
        var email = telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value;
        var first = telecom.FirstOrDefault(t => t.System is ContactPoint.ContactPointSystem.Phone or ContactPoint.ContactPointSystem.Sms or ContactPoint.ContactPointSystem.Email);
        var channel = first?.System == ContactPoint.ContactPointSystem.Email ? "email" : first is null ? null : "sms";
        var language = (patient.Communication.FirstOrDefault(c => c.Preferred == true) ?? patient.Communication.FirstOrDefault())?.Language?.Coding.FirstOrDefault()?.Code;
        return new PatientInput(
            id,
            name?.Given.FirstOrDefault(),
            name?.Family,
            DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", out var born) ? born : null,
            patient.Gender?.ToString().ToLowerInvariant(),
            phone,
            email,
            channel,
            language,
            [.. patient.Identifier.Select(i => new IdentifierInput(i.System, i.Value))]);
    }

    /// <summary>The hospital's identifier a conditional create matches on: the first one with a system and a value.</summary>
    public static Domain.ExternalIdentifier? KeyIdentifier(DomainPatient patient) => patient.Identifiers.FirstOrDefault();

    /// <summary>A token search value ("system|value", "|value" or "value") against an identifier key "system|value".</summary>
    public static bool Matches(string key, (string? System, string? Code) token) =>
        token.System is { Length: > 0 } system ? key == $"{system}|{token.Code}" : key.EndsWith($"|{token.Code}", StringComparison.Ordinal);
}

using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Domain.Therapists;
using DomainLocation = MedMassage.Scheduling.Api.Domain.Locations.Location;
using FhirLocation = Hl7.Fhir.Model.Location;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

/// <summary>Where and by whom care is given: locations, therapists, their roles and their schedules.</summary>
public static class DirectoryMapping
{
    public static FhirLocation ToFhir(DomainLocation location)
    {
        var fhir = new FhirLocation
        {
            Id = location.Id.ToString(),
            Status = FhirLocation.LocationStatus.Active,
            Mode = FhirLocation.LocationMode.Instance,
            Name = location.Name,
            Address = new Address { Text = location.Address },
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, location.Phone)],
            Description = $"Times are local to {location.TimeZone}.",
        };
        fhir.HoursOfOperation.AddRange(location.OpeningHours.Select(h => new FhirLocation.HoursOfOperationComponent
        {
            DaysOfWeek = [Day(h.Day)],
            OpeningTime = h.Opens.ToString("HH:mm:ss"),
            ClosingTime = h.Closes.ToString("HH:mm:ss"),
        }));
        return fhir;
    }

    /// <summary>A therapist, with the licence and certifications that decide what they may treat.</summary>
    public static Practitioner ToPractitioner(Therapist therapist)
    {
        var practitioner = new Practitioner { Id = therapist.Id.ToString(), Active = true, Name = [new HumanName { Text = therapist.Name }] };
        practitioner.Qualification.Add(new Practitioner.QualificationComponent
        {
            Identifier = [new Identifier { Value = therapist.LicenceNumber }],
            Code = new CodeableConcept(FhirSystems.Licence, "massage-therapist", $"Licensed massage therapist ({therapist.LicenceState})"),
            Period = new Period { End = therapist.LicenceExpiresOn.ToString("yyyy-MM-dd") },
            Issuer = new ResourceReference { Display = therapist.LicenceState },
        });
        practitioner.Qualification.AddRange(therapist.Certifications.Select(c => new Practitioner.QualificationComponent
        {
            Code = new CodeableConcept(FhirSystems.Certification, c),
        }));
        return practitioner;
    }

    public static PractitionerRole ToRole(Therapist therapist)
    {
        var role = new PractitionerRole
        {
            Id = therapist.Id.ToString(),
            Active = true,
            Practitioner = new ResourceReference(FhirReferences.To("Practitioner", therapist.Id), therapist.Name),
            Code = [new CodeableConcept { Text = "Massage therapist" }],
            Specialty = [.. therapist.Specialties.Select(s => new CodeableConcept { Text = s })],
            Location = [.. therapist.LocationIds.Select(l => new ResourceReference(FhirReferences.To("Location", l)))],
        };
        role.AvailableTime.AddRange(therapist.Availability.Select(w => new PractitionerRole.AvailableTimeComponent
        {
            DaysOfWeek = [Day(w.Day)],
            AvailableStartTime = w.Starts.ToString("HH:mm:ss"),
            AvailableEndTime = w.Ends.ToString("HH:mm:ss"),
        }));
        return role;
    }

    /// <summary>One schedule per therapist: their time at every location where they work.</summary>
    public static Schedule ToSchedule(Therapist therapist)
    {
        var schedule = new Schedule
        {
            Id = therapist.Id.ToString(),
            Active = true,
            Comment = $"{therapist.Name}: free slots are found with Slot?schedule=Schedule/{therapist.Id}&based-on=ServiceRequest/{{id}}.",
        };
        schedule.Actor.Add(new ResourceReference(FhirReferences.To("Practitioner", therapist.Id), therapist.Name));
        schedule.Actor.Add(new ResourceReference(FhirReferences.To("PractitionerRole", therapist.Id)));
        schedule.Actor.AddRange(therapist.LocationIds.Select(l => new ResourceReference(FhirReferences.To("Location", l))));
        return schedule;
    }

    private static DaysOfWeek Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DaysOfWeek.Mon,
        DayOfWeek.Tuesday => DaysOfWeek.Tue,
        DayOfWeek.Wednesday => DaysOfWeek.Wed,
        DayOfWeek.Thursday => DaysOfWeek.Thu,
        DayOfWeek.Friday => DaysOfWeek.Fri,
        DayOfWeek.Saturday => DaysOfWeek.Sat,
        _ => DaysOfWeek.Sun,
    };
}

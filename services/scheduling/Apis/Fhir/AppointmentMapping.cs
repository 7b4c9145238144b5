using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Referrals;
using DomainAppointment = MedMassage.Scheduling.Api.Domain.Appointments.Appointment;
using FhirAppointment = Hl7.Fhir.Model.Appointment;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

/// <summary>A visit as a FHIR Appointment: based on its referral, with the patient, the therapist and the location taking part.</summary>
public static class AppointmentMapping
{
    public static FhirAppointment.AppointmentStatus ToFhirStatus(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => FhirAppointment.AppointmentStatus.Booked,
        AppointmentStatus.CheckedIn => FhirAppointment.AppointmentStatus.Arrived,
        AppointmentStatus.Completed => FhirAppointment.AppointmentStatus.Fulfilled,
        AppointmentStatus.NoShow => FhirAppointment.AppointmentStatus.Noshow,
        _ => FhirAppointment.AppointmentStatus.Cancelled,
    };

    /// <summary>Its version: the time of its last change, which every change moves on.</summary>
    public static string VersionOf(DomainAppointment appointment) =>
        appointment.UpdatedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static FhirAppointment ToFhir(DomainAppointment appointment, BookingReferral? referral)
    {
        var fhir = new FhirAppointment
        {
            Id = appointment.Id.ToString(),
            Meta = new Meta { VersionId = VersionOf(appointment), LastUpdated = appointment.UpdatedAt },
            Status = ToFhirStatus(appointment.Status),
            ServiceType = [new CodeableConcept(FhirSystems.AppointmentType, appointment.TypeCode)],
            Start = appointment.StartsAt,
            End = appointment.EndsAt,
            MinutesDuration = (int)(appointment.EndsAt - appointment.StartsAt).TotalMinutes,
            Created = appointment.BookedAt.ToString("o"),
            BasedOn = [new ResourceReference(FhirReferences.To("ServiceRequest", appointment.ReferralId))],
            Slot = [new ResourceReference("Slot/" + SlotIds.For(new SlotKey(appointment.TherapistId, appointment.LocationId, appointment.StartsAt, appointment.TypeCode)))],
            Description = appointment.Kind switch
            {
                VisitKind.Evaluation => "Evaluation",
                VisitKind.ReEvaluation => "Re-evaluation",
                _ => "Treatment",
            },
        };
        if (appointment.CancellationReason is { } reason)
        {
            fhir.CancelationReason = new CodeableConcept { Text = reason };
        }
        var attending = fhir.Status == FhirAppointment.AppointmentStatus.Cancelled ? ParticipationStatus.Declined : ParticipationStatus.Accepted;
        if (referral is not null)
        {
            fhir.Participant.Add(Participant(new ResourceReference(FhirReferences.To("Patient", referral.Patient.PatientId), referral.Patient.FullName), attending));
        }
        fhir.Participant.Add(Participant(new ResourceReference(FhirReferences.To("Practitioner", appointment.TherapistId)), attending));
        fhir.Participant.Add(Participant(new ResourceReference(FhirReferences.To("Location", appointment.LocationId)), attending));
        return fhir;
    }

    private static FhirAppointment.ParticipantComponent Participant(ResourceReference actor, ParticipationStatus status) =>
        new() { Actor = actor, Required = FhirAppointment.ParticipantRequired.Required, Status = status };
}

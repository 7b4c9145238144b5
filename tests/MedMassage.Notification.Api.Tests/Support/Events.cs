using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Contracts.Scheduling;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Support;

/// <summary>Events as the other services publish them.</summary>
public static class Events
{
    public static readonly LocationInfo Downtown = new(
        Guid.Parse("5b0e7f55-8f0b-4f3c-9a55-2a7b7d1c0a01"), "MedMassage Downtown", "12 Harbor St, Boston, MA 02110", "+1 617 555 0100", "America/New_York");

    public static PatientContact Patient(string? email, string? phone = null, string channel = "email", string language = "en") =>
        new(Guid.NewGuid(), "Maria Lopez Garcia", email, phone, channel, language);

    /// <summary>The referral service's state of a referral, which is how notifications learn its contacts and reference.</summary>
    public static ReferralChanged Referral(Guid referralId, Guid? locationId, PatientContact patient, PhysicianContact physician, string reference) =>
        new(ReferralStates.Accepted(referralId, locationId, patient, physician: physician) with { Reference = reference, Status = ReferralStatuses.Received });

    public static PhysicianContact Physician(string? email) => new("Dr. Alan Grant", "1234567893", "Harbor Medical Group", email, null, null);

    public static AppointmentInfo Appointment(PatientContact patient, DateTimeOffset startsAt, Guid? appointmentId = null) => new(
        appointmentId ?? Guid.NewGuid(), Guid.NewGuid(), "Treatment", startsAt, startsAt.AddMinutes(45), Downtown,
        Guid.NewGuid(), "Sam Rivera", patient, null);
}

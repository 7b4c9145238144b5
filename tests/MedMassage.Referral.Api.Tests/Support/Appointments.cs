using MedMassage.Contracts;
using MedMassage.Contracts.Scheduling;

namespace MedMassage.Referral.Api.Tests.Support;

/// <summary>Appointment facts as the scheduling service publishes them.</summary>
internal static class Appointments
{
    public static AppointmentInfo For(Guid referralId, Guid? appointmentId = null) => new(
        appointmentId ?? Guid.NewGuid(),
        referralId,
        "treatment",
        DateTimeOffset.UtcNow.AddHours(-2),
        DateTimeOffset.UtcNow.AddHours(-1),
        new LocationInfo(Guid.NewGuid(), "Downtown", "1 Main St", "+1 555 0000", "America/New_York"),
        Guid.NewGuid(),
        "Tess Therapist",
        new PatientContact(Guid.NewGuid(), "Maria Lopez", "maria@example.org", null, "email", "es-US"),
        null);
}

using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;

namespace MedMassage.Scheduling.Api.Domain.Appointments;

/// <summary>
/// Everything a booking decision needs, loaded beforehand: the referral with its other appointments, the
/// therapist, the location and room, the type and start. <see cref="Rescheduling"/> is the appointment being
/// moved, which must not count against itself.
/// </summary>
public sealed record BookingRequest(
    BookingReferral Referral,
    IReadOnlyList<Appointment> ReferralAppointments,
    AppointmentType Type,
    Location Location,
    Guid RoomId,
    Therapist Therapist,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Techniques,
    Guid? SeriesId = null)
{
    /// <summary>What the visit covers: the techniques asked for, otherwise what the referral's care covers.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = Techniques.Count > 0 ? Techniques : Referral.TechniquesForCare;

    public Appointment? Rescheduling { get; init; }

    /// <summary>The referral's other appointments, without the one being moved.</summary>
    public IEnumerable<Appointment> OtherAppointments =>
        ReferralAppointments.Where(a => Rescheduling is null || a.Id != Rescheduling.Id);
}

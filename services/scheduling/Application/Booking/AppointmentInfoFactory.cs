using MedMassage.Contracts;
using MedMassage.Contracts.Scheduling;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>What appointment events carry, so notifications need no lookups.</summary>
public static class AppointmentInfoFactory
{
    public static LocationInfo Info(this Location location) =>
        new(location.Id, location.Name, location.Address, location.Phone, location.TimeZone);

    public static AppointmentInfo Create(Appointment appointment, Location location, Therapist therapist, BookingReferral referral) =>
        new(appointment.Id,
            appointment.ReferralId,
            appointment.TypeCode,
            appointment.StartsAt,
            appointment.EndsAt,
            location.Info(),
            therapist.Id,
            therapist.Name,
            referral.Patient,
            appointment.SeriesId);
}

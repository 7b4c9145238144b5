namespace MedMassage.Scheduling.Api.Application.Booking;

public sealed record BookAppointment(
    Guid ReferralId,
    Guid LocationId,
    Guid TherapistId,
    string AppointmentType,
    DateTimeOffset StartsAt,
    Guid? RoomId = null,
    IReadOnlyList<string>? Techniques = null,
    Guid? HoldId = null,
    Guid? SeriesId = null);

public sealed record RescheduleAppointment(DateTimeOffset StartsAt, Guid? TherapistId = null, Guid? RoomId = null);

public enum StatusChange { CheckIn, Complete, NoShow, Cancel }

namespace MedMassage.Contracts.Scheduling;

/// <summary>What every appointment event carries so consumers need no lookups.</summary>
public sealed record AppointmentInfo(
    Guid AppointmentId,
    Guid ReferralId,
    string AppointmentType,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    LocationInfo Location,
    Guid TherapistId,
    string TherapistName,
    PatientContact Patient,
    Guid? SeriesId);

public sealed record AppointmentBooked(AppointmentInfo Appointment) : IntegrationEvent;

public sealed record AppointmentRescheduled(
    AppointmentInfo Appointment,
    DateTimeOffset PreviousStartsAt,
    DateTimeOffset PreviousEndsAt) : IntegrationEvent;

public sealed record AppointmentCancelled(AppointmentInfo Appointment, bool IsLate, string? Reason) : IntegrationEvent;

public sealed record AppointmentNoShow(AppointmentInfo Appointment) : IntegrationEvent;

public sealed record AppointmentCheckedIn(AppointmentInfo Appointment) : IntegrationEvent;

public sealed record AppointmentCompleted(AppointmentInfo Appointment) : IntegrationEvent;

public sealed record WaitlistSlotOffered(
    Guid WaitlistEntryId,
    Guid ReferralId,
    PatientContact Patient,
    LocationInfo Location,
    Guid TherapistId,
    string TherapistName,
    DateTimeOffset SlotStartsAt,
    DateTimeOffset SlotEndsAt,
    DateTimeOffset OfferExpiresAt) : IntegrationEvent;

/// <summary>A location was set up or changed; others judge its dates (expiry, reminders) by its time zone.</summary>
public sealed record LocationChanged(LocationInfo Location) : IntegrationEvent;

namespace MedMassage.Scheduling.Api.Application.Slots;

/// <summary>
/// Free slots, grouped per location and therapist. Each start is the location's local time with its UTC offset
/// (so it is both what the front desk reads and an exact instant); every slot lasts <see cref="DurationMinutes"/>.
/// </summary>
public sealed record SlotAnswer(string AppointmentType, int DurationMinutes, int Count, IReadOnlyList<TherapistSlots> Therapists);

public sealed record TherapistSlots(Guid LocationId, string TimeZone, Guid TherapistId, string TherapistName, IReadOnlyList<DateTimeOffset> Starts);

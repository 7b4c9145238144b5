namespace MedMassage.StaffApp.Gateway;

// The scheduling service's answers and requests as the front desk's and therapists' pages use them.

public sealed record AppointmentView(
    Guid Id, Guid ReferralId, Guid LocationId, Guid TherapistId, Guid RoomId, string AppointmentType, string Kind,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset LocalStartsAt, DateTimeOffset LocalEndsAt, string TimeZone,
    string Status, Guid? SeriesId, bool IsLateCancellation, string? CancellationReason, IReadOnlyList<string> Techniques,
    string? PatientName = null, string? ReferralReference = null)
{
    public bool IsOpen => Status is "booked" or "checked-in";
}

/// <summary>Scheduling's copy of a referral: what booking needs to know (plan, visits left, clearances).</summary>
public sealed record SchedulingReferral(
    Guid Id, long Version, string Status, string? StatusReason, IReadOnlyList<string> Techniques, IReadOnlyList<string> TechniquesAwaitingClearance,
    DateOnly ValidFrom, DateOnly ValidUntil, int VisitsAuthorized, int VisitsUsed, int VisitsRemaining, bool EvaluationCompleted,
    bool HasActivePlan, int PlanVersion, int PlanSessionsPerWeek, int PlanWeeks, bool PlanCertified, DateOnly? PlanCertifiedThrough);

public sealed record SlotAnswer(string AppointmentType, int DurationMinutes, int Count, IReadOnlyList<TherapistSlots> Therapists);

public sealed record TherapistSlots(Guid LocationId, string TimeZone, Guid TherapistId, string TherapistName, IReadOnlyList<DateTimeOffset> Starts);

public sealed record BookRequest(Guid ReferralId, Guid LocationId, Guid TherapistId, string AppointmentType, DateTimeOffset StartsAt, IReadOnlyList<string>? Techniques);

public sealed record RescheduleRequest(DateTimeOffset StartsAt, Guid? TherapistId, Guid? RoomId);

public sealed record CancelRequest(string? Reason);

public sealed record WeeklyTime(string Day, string Time);

public sealed record SeriesRequest(Guid ReferralId, Guid LocationId, Guid TherapistId, string AppointmentType, DateOnly StartDate, int Weeks, IReadOnlyList<WeeklyTime> Times);

public sealed record OccurrenceView(DateTimeOffset StartsAt, DateTimeOffset LocalStartsAt, Guid? AppointmentId, bool Succeeded, string? Rule, string? Reason);

public sealed record SeriesView(Guid SeriesId, int Succeeded, int Refused, IReadOnlyList<OccurrenceView> Occurrences);

public sealed record RoomView(Guid Id, string Name);

public sealed record OpeningHours(string Day, string Opens, string Closes);

public sealed record LocationView(Guid Id, string Name, string Address, string Phone, string TimeZone, double LateCancellationWindowHours,
    IReadOnlyList<OpeningHours> OpeningHours, IReadOnlyList<RoomView> Rooms);

public sealed record AvailabilityWindow(Guid LocationId, string Day, string Starts, string Ends);

public sealed record TimeOffView(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason);

public sealed record TherapistView(Guid Id, string Name, string LicenceNumber, string LicenceState, DateOnly LicenceExpiresOn,
    IReadOnlyList<string> Certifications, IReadOnlyList<string> Specialties, IReadOnlyList<Guid> LocationIds,
    IReadOnlyList<AvailabilityWindow> Availability, IReadOnlyList<TimeOffView> TimeOff);

public sealed record AppointmentTypeView(string Code, string Name, string Kind, int DurationMinutes);

public sealed record WaitlistRequest(Guid ReferralId, Guid LocationId, string AppointmentType, Guid? TherapistId, DateTimeOffset? Before);

public sealed record WaitlistEntryView(Guid Id, Guid ReferralId, Guid LocationId, string AppointmentType, Guid? TherapistId, DateTimeOffset? Before,
    DateTimeOffset CreatedAt, string Status, Guid? OfferedTherapistId, DateTimeOffset? OfferedStartsAt, DateTimeOffset? OfferExpiresAt, Guid? AppointmentId);

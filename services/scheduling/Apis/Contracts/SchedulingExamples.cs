namespace MedMassage.Scheduling.Api.Apis.Contracts;

/// <summary>The request bodies the API description shows: what a clinic's front desk and admins send.</summary>
internal static class SchedulingExamples
{
    private static readonly Guid ReferralId = new("0195f0c2-7a1e-7c55-8f0a-3b2a1c4d5e6f");
    private static readonly Guid LocationId = new("0195e8d4-2a61-7b3c-9d0e-1f2a3b4c5d6e");
    private static readonly Guid TherapistId = new("0195e8d9-6b72-7c4d-8e1f-2a3b4c5d6e7f");
    private static readonly Guid RoomId = new("0195e8d5-3b72-7c4d-8e1f-2a3b4c5d6e70");
    private static readonly Guid AppointmentId = new("0195f3a8-1b40-7d2e-9c61-4e7f0a2b3c4d");
    private static readonly DateTimeOffset Start = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);

    public static readonly BookRequest Book = new(
        ReferralId, LocationId, TherapistId, "treatment-60", Start, RoomId, ["myofascial-release", "trigger-point"], HoldId: null);

    public static readonly RescheduleRequest Reschedule = new(Start.AddDays(2).AddHours(1), TherapistId, RoomId: null);

    public static readonly CancelRequest Cancel = new("The patient has the flu and asked to come next week.");

    public static readonly HoldRequest Hold = new(ReferralId, TherapistId, "evaluation", Start, LocationId);

    public static readonly SeriesRequest Series = new(
        ReferralId, LocationId, TherapistId, "treatment-60", new DateOnly(2026, 3, 9), Weeks: 6,
        [new("monday", "09:00"), new("thursday", "16:30")]);

    public static readonly SeriesChangeRequest SeriesChange = new(AppointmentId, "following", "10:00", DayOffset: 1);

    public static readonly SeriesCancelRequest SeriesCancel = new(AppointmentId, "following", "The patient moves away at the end of the month.");

    public static readonly LocationRequest Location = new(
        LocationId, "MedMassage Downtown", "120 Main Street, Springfield, IL 62701", "+1 217 555 0140", "America/Chicago",
        LateCancellationWindowHours: 24,
        [new("monday", "08:00", "18:00"), new("tuesday", "08:00", "18:00"), new("wednesday", "08:00", "18:00"),
            new("thursday", "10:00", "20:00"), new("friday", "08:00", "16:00")],
        [new(RoomId, "Room 1"), new(null, "Room 2")]);

    public static readonly TherapistRequest Therapist = new(
        "Anna Becker", "LMT-204871", "IL", new DateOnly(2027, 8, 31),
        ["lymphatic-drainage", "neuromuscular"], ["post-surgical care", "sports injuries"], [LocationId], TherapistId);

    public static readonly AvailabilityRequest Availability = new(
        [new(LocationId, "monday", "08:00", "16:00"), new(LocationId, "wednesday", "08:00", "16:00"), new(LocationId, "thursday", "12:00", "20:00")]);

    public static readonly TimeOffRequest TimeOff = new(
        new DateTimeOffset(2026, 4, 6, 0, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 4, 11, 0, 0, 0, TimeSpan.FromHours(-5)), "Vacation");

    public static readonly AppointmentTypeRequest AppointmentType = new("Treatment, 60 minutes", "treatment", 60);

    public static readonly WaitlistRequest Waitlist = new(ReferralId, LocationId, "treatment-60", TherapistId, Start.AddDays(14));
}

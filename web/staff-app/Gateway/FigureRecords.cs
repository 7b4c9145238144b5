namespace MedMassage.StaffApp.Gateway;

// Managers' figures: scheduling's attendance and clinical-notes' outcomes.

public sealed record Attendance(int Booked, int Completed, int NoShows, int LateCancellations, int Cancellations, int BookedMinutes, int AvailableMinutes,
    decimal NoShowRate, decimal LateCancelRate, decimal Utilization);

public sealed record TherapistFigures(Guid TherapistId, string Name, Attendance Attendance);

public sealed record LocationFigures(Guid LocationId, string Name, DateOnly From, DateOnly To, Attendance Attendance, IReadOnlyList<TherapistFigures> Therapists);

public sealed record OutcomeAggregate(string Scope, Guid Id, int Referrals, int ReferralsWithGoals, decimal? ShareReachingGoals, decimal? MeanPainChange, decimal? MeanVisitsUsed);

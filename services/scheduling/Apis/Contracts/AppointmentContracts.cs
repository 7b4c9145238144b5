using System.ComponentModel.DataAnnotations;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Scheduling.Api.Apis.Contracts;

public sealed record BookRequest(
    [Required] Guid? ReferralId, [Required] Guid? LocationId, [Required] Guid? TherapistId, [Required] string? AppointmentType, [Required] DateTimeOffset? StartsAt,
    Guid? RoomId, [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string>? Techniques, Guid? HoldId);

public sealed record RescheduleRequest([Required] DateTimeOffset? StartsAt, Guid? TherapistId, Guid? RoomId);

public sealed record CancelRequest(string? Reason);

public sealed record AppointmentView(
    Guid Id, Guid ReferralId, Guid LocationId, Guid TherapistId, Guid RoomId, string AppointmentType, VisitKind Kind,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset LocalStartsAt, DateTimeOffset LocalEndsAt, string TimeZone,
    AppointmentStatus Status, Guid? SeriesId, bool IsLateCancellation, string? CancellationReason, [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> Techniques,
    string? PatientName = null, string? ReferralReference = null)
{
    public static AppointmentView From(Appointment a, Location l, BookingReferral? r = null) => new(
        a.Id, a.ReferralId, a.LocationId, a.TherapistId, a.RoomId, a.TypeCode, a.Kind,
        a.StartsAt, a.EndsAt, l.Clock.ToLocal(a.StartsAt), l.Clock.ToLocal(a.EndsAt), l.TimeZone,
        a.Status, a.SeriesId, a.IsLateCancellation, a.CancellationReason, a.Techniques, r?.Patient.FullName, r?.Reference);
}

public sealed record ReferralView(
    Guid Id, long Version, [OneOf(typeof(ReferralStatuses))] string Status, string? StatusReason, [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> Techniques,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> TechniquesAwaitingClearance,
    IReadOnlyList<ClearanceNeeded> AwaitingClearance, DateOnly ValidFrom, DateOnly ValidUntil, int VisitsAuthorized, int VisitsUsed, int VisitsRemaining,
    bool EvaluationCompleted, bool HasActivePlan, int PlanVersion, int PlanSessionsPerWeek, int PlanWeeks,
    bool PlanCertified, DateOnly? PlanCertifiedThrough)
{
    public static ReferralView From(BookingReferral r) => new(r.Id, r.Version, r.Status, r.StatusReason, r.Techniques, r.TechniquesAwaitingClearance,
        r.AwaitingClearance, r.ValidFrom, r.ValidUntil, r.VisitsAuthorized, r.VisitsUsed, r.VisitsRemaining, r.EvaluationCompleted, r.HasActivePlan,
        r.PlanVersion, r.PlanSessionsPerWeek, r.PlanWeeks, r.PlanCertified, r.PlanCertifiedThrough);
}

/// <summary>A hold; <c>LocationId</c> is optional (default: the therapist's location where they work at that time).</summary>
public sealed record HoldRequest([Required] Guid? ReferralId, [Required] Guid? TherapistId, [Required] string? AppointmentType, [Required] DateTimeOffset? StartsAt, Guid? LocationId = null);

public sealed record HoldView(Guid Id, Guid ReferralId, Guid TherapistId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ExpiresAt);

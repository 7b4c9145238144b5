using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Domain;

/// <summary>A small clinic for domain tests: one location, one room, one therapist working weekdays 09:00–17:00.</summary>
internal static class Given
{
    public static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static readonly AppointmentType Evaluation = new("evaluation", "Evaluation", VisitKind.Evaluation, 60);
    public static readonly AppointmentType Treatment45 = new("treatment-45", "Treatment", VisitKind.Treatment, 45);
    public static readonly AppointmentType ReEvaluation = new("re-evaluation", "Re-evaluation", VisitKind.ReEvaluation, 45);

    public static Location Location(string timeZone = "America/New_York", TimeOnly? opens = null, TimeOnly? closes = null) =>
        new(Guid.NewGuid(), new LocationDetails("Downtown", "1 Main St", "555-0100", timeZone, TimeSpan.FromHours(24),
            [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, opens ?? new TimeOnly(0, 0), closes ?? new TimeOnly(23, 59)))],
            [new Room(Guid.NewGuid(), "Room 1")]));

    public static Therapist Therapist(Location location, string[]? certifications = null, DateOnly? licenceExpires = null,
        TimeOnly? starts = null, TimeOnly? ends = null, DayOfWeek[]? days = null)
    {
        var therapist = new Therapist(Guid.NewGuid(), new TherapistProfile("Dana Reyes", "MT-1234", "NY",
            licenceExpires ?? new DateOnly(2030, 1, 1), certifications ?? [], ["sports injuries"], [location.Id]));
        therapist.SetAvailability((days ?? Weekdays).Select(d => new AvailabilityWindow(location.Id, d, starts ?? new TimeOnly(9, 0), ends ?? new TimeOnly(17, 0))));
        return therapist;
    }

    private static readonly ReferralStateLog States = new();

    public static BookingReferral Referral(string[]? techniques = null, string[]? awaitingClearance = null, int remaining = 10,
        DateOnly? validFrom = null, DateOnly? validUntil = null)
    {
        var state = ReferralStates.Accepted(techniques: techniques ?? ["myofascial release", "trigger point therapy"], awaitingClearance: awaitingClearance,
            validFrom: validFrom, validUntil: validUntil, visits: new VisitCounts(remaining, 0, remaining));
        return MedMassage.Scheduling.Api.Domain.Referrals.BookingReferral.From(States.Start(state));
    }

    /// <summary>Applies the referral service's next state, as its event would.</summary>
    public static void Change(BookingReferral referral, Func<ReferralState, ReferralState> change)
    {
        Assert.True(referral.Apply(States.Next(referral.Id, change)));
    }

    /// <summary>A referral whose evaluation is done and whose plan is active (to be certified by <paramref name="certificationDueBy"/>, if given).</summary>
    public static BookingReferral ReadyForTreatment(string[]? techniques = null, string[]? awaitingClearance = null, int remaining = 10,
        DateOnly? certificationDueBy = null)
    {
        var referral = Referral(techniques, awaitingClearance, remaining);
        Change(referral, s => s with { Status = ReferralStatuses.InTreatment, EvaluationCompleted = true });
        referral.ApplyPlan(Guid.NewGuid(), 1, techniques ?? ["myofascial release", "trigger point therapy"], 2, 6, certificationDueBy);
        return referral;
    }

    public static BookingRequest Request(BookingReferral referral, Location location, Therapist therapist, AppointmentType type, DateTimeOffset startsAt,
        IReadOnlyList<Appointment>? others = null, IReadOnlyList<string>? techniques = null) =>
        new(referral, others ?? [], type, location, location.Rooms[0].Id, therapist, startsAt, techniques ?? []);
}

using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Appointments;

/// <summary>
/// The rules a booking must pass, each decided here and only here. Slot search uses the same rules, so it
/// never offers what booking would refuse. Double-booking of a therapist or a room is not decided here but
/// by the database's exclusion constraints, which concurrent requests cannot slip past.
/// </summary>
public static class BookingRules
{
    public static Refusal? Check(BookingRequest request, Interval visit, DateTimeOffset now)
    {
        if (visit.Start <= now)
        {
            return new Refusal("in-the-past", "Appointments can only be booked in the future.");
        }
        var date = request.Location.Clock.DateOf(visit.Start);
        return ReferralAllows(request.Referral, request.OtherAppointments, request.Type.Kind, request.Techniques)
            ?? DateAllowed(request.Referral, date)
            ?? PlanCertifiedFor(request.Referral, request.Type.Kind, visit.Start)
            ?? request.Therapist.MayTreat(request.Techniques, request.Location.Id, date)
            ?? (request.Therapist.IsWorking(request.Location, visit)
                ? null
                : new Refusal("therapist-unavailable", $"{request.Therapist.Name} does not work at this location at that time."))
            ?? (request.Location.Rooms.Any(r => r.Id == request.RoomId)
                ? null
                : new Refusal("room", "The room does not belong to this location."));
    }

    /// <summary>What the referral allows regardless of date: its status, the order of visits, authorization and clearance.</summary>
    public static Refusal? ReferralAllows(BookingReferral referral, IEnumerable<Appointment> otherAppointments, VisitKind kind, IReadOnlyList<string> techniques)
    {
        if (!referral.AllowsCare)
        {
            return new Refusal("referral-status", $"The referral is {referral.Status}{(referral.StatusReason is null ? "" : $": {referral.StatusReason}")}.");
        }

        var others = otherAppointments.ToList();
        var evaluationBooked = others.Any(a => a.Kind == VisitKind.Evaluation && a.OccupiesTime && a.Status != AppointmentStatus.NoShow);
        switch (kind)
        {
            case VisitKind.Evaluation when referral.EvaluationCompleted || evaluationBooked:
                return new Refusal("evaluation-exists", "The referral already has its evaluation; book a treatment or a re-evaluation.");
            case not VisitKind.Evaluation when !referral.EvaluationCompleted && !evaluationBooked:
                return new Refusal("evaluation-first", "The first appointment of a referral is an evaluation.");
            case not VisitKind.Evaluation when !referral.EvaluationCompleted:
                return new Refusal("evaluation-not-completed", "Treatment and re-evaluation can be booked once the evaluation is completed.");
            case VisitKind.Treatment when !referral.HasActivePlan:
                return new Refusal("no-active-plan", "Treatment visits need an active treatment plan.");
        }

        var pending = others.Count(a => a.IsPending);
        if (referral.VisitsRemaining - pending <= 0)
        {
            return new Refusal("visits-exhausted",
                $"No authorized visits left: {referral.VisitsRemaining} remaining and {pending} already booked.");
        }

        if (kind == VisitKind.Treatment)
        {
            // A technique held back, or an evaluation finding the physician has not cleared yet, stops treatment.
            var awaiting = referral.AwaitingClearance
                .Where(a => a.Kind == ClearanceNeeded.Finding || techniques.Any(t => MassageTechniques.SameAs(a.Subject, t)))
                .Select(a => a.BodyRegion is null ? a.Subject : $"{a.Subject} ({a.BodyRegion})")
                .ToList();
            if (awaiting.Count > 0)
            {
                return new Refusal("awaiting-clearance", $"Awaiting physician clearance: {string.Join(", ", awaiting)}.");
            }
            var outside = techniques.Where(t => !referral.TechniquesForCare.Any(c => MassageTechniques.SameAs(c, t))).ToList();
            if (outside.Count > 0)
            {
                return new Refusal("technique-not-prescribed", $"Not in the referral or plan: {string.Join(", ", outside)}.");
            }
        }
        return null;
    }

    /// <summary>
    /// Treatment needs a plan the physician has certified for the visit's day, or clinical notes would refuse its
    /// note. The day is the UTC date of the start, exactly as clinical notes judges it, so both agree on every visit.
    /// </summary>
    public static Refusal? PlanCertifiedFor(BookingReferral referral, VisitKind kind, DateTimeOffset start) =>
        kind == VisitKind.Treatment && referral.PlanLapsedOn(DateOnly.FromDateTime(start.UtcDateTime)) is { } reason
            ? new Refusal("plan-certification-lapsed", reason)
            : null;

    /// <summary>Visits happen within the referral's validity, judged by the location's calendar date.</summary>
    public static Refusal? DateAllowed(BookingReferral referral, DateOnly localDate) =>
        localDate < referral.ValidFrom
            ? new Refusal("before-valid-from", $"The referral is valid from {referral.ValidFrom:yyyy-MM-dd}.")
            : localDate > referral.ValidUntil
                ? new Refusal("after-valid-until", $"The referral is valid until {referral.ValidUntil:yyyy-MM-dd}.")
                : null;
}

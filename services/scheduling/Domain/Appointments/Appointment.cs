using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Appointments;

public enum AppointmentStatus { Booked, CheckedIn, Completed, Cancelled, NoShow }

/// <summary>
/// One visit of a referral with one therapist in one room. Every occurrence of a series is its own
/// appointment with its own status, so changing one never disturbs the others.
/// </summary>
public sealed class Appointment
{
    private Appointment() { }

    internal Appointment(BookingRequest request, Interval visit, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReferralId = request.Referral.Id;
        LocationId = request.Location.Id;
        TherapistId = request.Therapist.Id;
        RoomId = request.RoomId;
        TypeCode = request.Type.Code;
        Kind = request.Type.Kind;
        StartsAt = visit.Start;
        EndsAt = visit.End;
        Techniques = [.. request.Techniques];
        SeriesId = request.SeriesId;
        Status = AppointmentStatus.Booked;
        BookedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid LocationId { get; private set; }
    public Guid TherapistId { get; private set; }
    public Guid RoomId { get; private set; }
    public string TypeCode { get; private set; } = "";
    public VisitKind Kind { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public List<string> Techniques { get; private set; } = [];
    public Guid? SeriesId { get; private set; }
    public bool IsLateCancellation { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Interval Visit => new(StartsAt, EndsAt);

    /// <summary>Booked or checked in: a visit still to happen, which uses up authorization in advance.</summary>
    public bool IsPending => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn;

    /// <summary>Everything but a cancellation keeps the therapist's and the room's time.</summary>
    public bool OccupiesTime => Status != AppointmentStatus.Cancelled;

    /// <summary>Decides a booking: every rule in <see cref="BookingRules"/>, then the appointment.</summary>
    public static Outcome<Appointment> Book(BookingRequest request, DateTimeOffset now)
    {
        var visit = new Interval(request.StartsAt.ToUniversalTime(), request.StartsAt.ToUniversalTime() + request.Type.Duration);
        return BookingRules.Check(request, visit, now) is { } refusal ? refusal : new Appointment(request, visit, now);
    }

    /// <summary>Moves the visit (and possibly therapist and room); the same rules as a new booking apply.</summary>
    public Refusal? Reschedule(BookingRequest request, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            return Illegal("reschedule");
        }
        var visit = new Interval(request.StartsAt.ToUniversalTime(), request.StartsAt.ToUniversalTime() + request.Type.Duration);
        if (BookingRules.Check(request with { Rescheduling = this }, visit, now) is { } refusal)
        {
            return refusal;
        }
        (StartsAt, EndsAt, TherapistId, RoomId, UpdatedAt) = (visit.Start, visit.End, request.Therapist.Id, request.RoomId, now);
        Techniques = [.. request.Techniques];
        return null;
    }

    public Refusal? Cancel(Location location, string? reason, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            return Illegal("cancel");
        }
        Status = AppointmentStatus.Cancelled;
        IsLateCancellation = location.IsLateCancellation(StartsAt, now);
        CancellationReason = reason;
        UpdatedAt = now;
        return null;
    }

    /// <summary>How long before its start a visit may be checked in, unless the service is configured otherwise.</summary>
    public static readonly TimeSpan DefaultCheckInLeadTime = TimeSpan.FromHours(2);

    /// <summary>
    /// The referral closed (discharged, cancelled, expired, out of visits): a visit still to happen will not, and the
    /// clinic cancelled it, so it is never a late cancellation and never uses a visit. False when nothing was pending.
    /// </summary>
    public bool CancelForClosedReferral(string reason, DateTimeOffset now)
    {
        if (!IsPending)
        {
            return false;
        }
        Status = AppointmentStatus.Cancelled;
        IsLateCancellation = false;
        CancellationReason = reason;
        UpdatedAt = now;
        return true;
    }


    /// <summary>
    /// The patient has arrived. Not days ahead: a completed visit spends the referral's authorization, so the
    /// steps towards it only happen around the visit's time.
    /// </summary>
    public Refusal? CheckIn(DateTimeOffset now, TimeSpan? leadTime = null)
    {
        var lead = leadTime ?? DefaultCheckInLeadTime;
        if (Status == AppointmentStatus.Booked && now < StartsAt - lead)
        {
            return new Refusal("check-in-too-early",
                $"Check-in opens {lead.TotalMinutes:0} minutes before the appointment starts ({(StartsAt - lead).UtcDateTime:yyyy-MM-dd HH:mm} UTC).");
        }
        return Move(AppointmentStatus.Booked, AppointmentStatus.CheckedIn, "check in", now);
    }

    public Refusal? Complete(DateTimeOffset now)
    {
        if (Status == AppointmentStatus.CheckedIn && now < StartsAt)
        {
            return new Refusal("complete-too-early", "A visit can only be completed once it has started.");
        }
        return Move(AppointmentStatus.CheckedIn, AppointmentStatus.Completed, "complete", now);
    }

    public Refusal? MarkNoShow(DateTimeOffset now)
    {
        if (now < StartsAt)
        {
            return new Refusal("no-show-too-early", "A no-show can only be recorded once the appointment has started.");
        }
        return Move(AppointmentStatus.Booked, AppointmentStatus.NoShow, "mark as no-show", now);
    }

    private Refusal? Move(AppointmentStatus from, AppointmentStatus to, string action, DateTimeOffset now)
    {
        if (Status != from)
        {
            return Illegal(action);
        }
        Status = to;
        UpdatedAt = now;
        return null;
    }

    private Refusal Illegal(string action) =>
        new("appointment-status", $"Cannot {action} an appointment that is {Status}.");
}

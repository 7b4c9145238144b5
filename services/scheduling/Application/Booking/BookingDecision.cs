using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>What a booking is decided on, as its path read it; a part that does not exist is null.</summary>
public sealed record BookingFacts(BookingReferral? Referral, IReadOnlyList<Appointment> ReferralAppointments, AppointmentType? Type, Location? Location,
    Therapist? Therapist);

/// <summary>What is free at the booked time: a single booking asks Redis and PostgreSQL, a batch its own reads.</summary>
public interface IBookingAvailability
{
    ValueTask<bool> HeldForAnotherAsync(Guid therapistId, Interval visit, Guid referralId);

    ValueTask<Guid?> FreeRoomAsync(Location location, Interval visit);
}

/// <summary>
/// The one booking decision, for a single booking and for each request of a batch: which refusal comes first, then the
/// domain's rules (<see cref="Appointment.Book"/>). A referral the caller may not see answers as an unknown one before
/// anything else is judged, so no later refusal tells the two apart.
/// </summary>
public static class BookingDecision
{
    /// <summary>The refusal for a part that is missing or hidden from the caller (null: every part is there).</summary>
    public static Refusal? Missing(BookingFacts facts, IReadOnlyList<Guid>? callerLocations) => facts switch
    {
        { Referral: null } => SchedulingAccess.UnknownReferral,
        _ when callerLocations is not null && !SchedulingAccess.MaySee(callerLocations, facts.Referral) => SchedulingAccess.UnknownReferral,
        { Type: null } => Refusal.NotFound("The appointment type"),
        { Location: null } => Refusal.NotFound("The location"),
        { Therapist: null } => Refusal.NotFound("The therapist"),
        _ => null,
    };

    public static async ValueTask<Outcome<Appointment>> DecideAsync(BookAppointment command, IReadOnlyList<Guid>? callerLocations, BookingFacts facts,
        IBookingAvailability availability, DateTimeOffset now)
    {
        if (Missing(facts, callerLocations) is { } missing)
        {
            return missing;
        }
        var (referral, type, location, therapist) = (facts.Referral!, facts.Type!, facts.Location!, facts.Therapist!);
        var visit = VisitOf(command, type);
        // Both asked at once; the hold is judged first.
        var held = availability.HeldForAnotherAsync(therapist.Id, visit, referral.Id);
        var freeRoom = command.RoomId is { } chosen ? ValueTask.FromResult<Guid?>(chosen) : availability.FreeRoomAsync(location, visit);
        var (isHeld, room) = (await held, await freeRoom);
        if (isHeld)
        {
            return new Refusal("slot-held", "The slot is held for another patient.");
        }
        if (room is null)
        {
            return new Refusal("no-room", "No room is free at that time.");
        }
        return Appointment.Book(new BookingRequest(referral, facts.ReferralAppointments, type, location, room.Value, therapist, command.StartsAt,
            command.Techniques ?? [], command.SeriesId), now);
    }

    public static Interval VisitOf(BookAppointment command, AppointmentType type)
    {
        var start = command.StartsAt.ToUniversalTime();
        return new Interval(start, start + type.Duration);
    }
}

using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Waitlist;

public enum WaitlistStatus { Waiting, Offered, Fulfilled, Withdrawn }

/// <summary>A slot once offered to this entry and let go; it is never offered to the same entry again.</summary>
public sealed record PassedSlot(Guid TherapistId, DateTimeOffset StartsAt);

/// <summary>
/// A patient asking for an earlier visit. When time frees up, the first matching entry is offered it for a
/// limited time; an offer that runs out goes back to waiting and the slot passes to the next entry.
/// </summary>
public sealed class WaitlistEntry
{
    private WaitlistEntry() { }

    public WaitlistEntry(Guid referralId, Guid locationId, string appointmentType, Guid? therapistId, DateTimeOffset? before, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        (ReferralId, LocationId, AppointmentType, TherapistId, Before, CreatedAt) = (referralId, locationId, appointmentType, therapistId, before, now);
        Status = WaitlistStatus.Waiting;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid LocationId { get; private set; }
    public string AppointmentType { get; private set; } = "";
    public Guid? TherapistId { get; private set; }
    public DateTimeOffset? Before { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public WaitlistStatus Status { get; private set; }
    public Guid? OfferedTherapistId { get; private set; }
    public DateTimeOffset? OfferedStartsAt { get; private set; }
    public DateTimeOffset? OfferedEndsAt { get; private set; }
    public DateTimeOffset? OfferExpiresAt { get; private set; }
    public Guid? OfferHoldId { get; private set; }
    public Guid? AppointmentId { get; private set; }
    public List<PassedSlot> PassedSlots { get; private set; } = [];

    /// <summary>Whether freed time with a therapist suits this entry (it then still has to pass the booking rules).</summary>
    public bool Wants(Guid therapistId, Interval visit) =>
        Status == WaitlistStatus.Waiting
        && (TherapistId is null || TherapistId == therapistId)
        && (Before is null || visit.Start < Before)
        && !PassedSlots.Contains(new PassedSlot(therapistId, visit.Start));

    public void Offer(Guid therapistId, Interval visit, Guid holdId, DateTimeOffset expiresAt)
    {
        Status = WaitlistStatus.Offered;
        (OfferedTherapistId, OfferedStartsAt, OfferedEndsAt, OfferExpiresAt, OfferHoldId) = (therapistId, visit.Start, visit.End, expiresAt, holdId);
    }

    public bool OfferHasExpired(DateTimeOffset now) => Status == WaitlistStatus.Offered && OfferExpiresAt <= now;

    /// <summary>The offer ran out: back to waiting, and this slot is not offered to this entry again.</summary>
    public PassedSlot LetOfferExpire()
    {
        var passed = new PassedSlot(OfferedTherapistId!.Value, OfferedStartsAt!.Value);
        PassedSlots = [.. PassedSlots, passed];
        Status = WaitlistStatus.Waiting;
        (OfferedTherapistId, OfferedStartsAt, OfferedEndsAt, OfferExpiresAt, OfferHoldId) = (null, null, null, null, null);
        return passed;
    }

    public Refusal? CanAccept(DateTimeOffset now) =>
        Status != WaitlistStatus.Offered
            ? new Refusal("no-open-offer", "There is no open offer for this waitlist entry.")
            : OfferExpiresAt <= now ? new Refusal("offer-expired", "The offer has expired.") : null;

    public void Fulfil(Guid appointmentId)
    {
        Status = WaitlistStatus.Fulfilled;
        AppointmentId = appointmentId;
    }
}

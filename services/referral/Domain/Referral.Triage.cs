using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Referral.Api.Domain;

// Intake decisions: accept, reject, hold, resume, cancel, clearance, expiry.
public sealed partial class Referral
{
    public void Accept(Actor actor, DateTimeOffset now)
    {
        RequireStatus("accepted", ReferralStatus.Received);
        if (IsExpiredOn(Today(now)))
        {
            throw new RuleViolation("referral-expired", $"The referral expired on {ValidUntil:yyyy-MM-dd}; an expired referral cannot be accepted.");
        }
        if (Precautions.FirstOrDefault(p => p.Effect == ContraindicationEffect.BlocksAllTreatment) is { } blocking)
        {
            throw new RuleViolation("contraindicated", $"'{blocking.Name}' blocks all treatment; the referral cannot be accepted.");
        }

        MoveTo(ReferralStatus.Accepted, null, actor, now, "accepted");
        Raise(new ReferralAccepted(Id, LocationId, Patient.ToContact(), Physician.ToContact(), DiagnosisCodes, Techniques, BodyRegions,
            TechniquesAwaitingClearance, ValidFrom, ValidUntil, Visits, Reference) { OccurredAt = now });
    }

    public void Reject(string reason, Actor actor, DateTimeOffset now)
    {
        RequireStatus("rejected", ReferralStatus.Received);
        MoveTo(ReferralStatus.Rejected, reason, actor, now, "rejected");
        Raise(new ReferralRejected(Id, LocationId, Patient.ToContact(), Physician.ToContact(), reason, Reference) { OccurredAt = now });
    }

    /// <summary>Waiting for missing information or clearance; resuming returns to where it was held.</summary>
    public void PutOnHold(string reason, Actor actor, DateTimeOffset now)
    {
        RequireStatus("put on hold", ReferralStatus.Received, ReferralStatus.Accepted, ReferralStatus.InTreatment);
        HeldFrom = Status;
        MoveTo(ReferralStatus.OnHold, reason, actor, now, "put-on-hold");
    }

    public void Resume(Actor actor, DateTimeOffset now)
    {
        RequireStatus("resumed", ReferralStatus.OnHold);
        var next = HeldFrom ?? ReferralStatus.Accepted;
        HeldFrom = null;
        LastResumedAt = now;
        MoveTo(next, null, actor, now, "resumed");
    }

    public void Cancel(string reason, Actor actor, DateTimeOffset now)
    {
        RequireStatus("cancelled", ReferralStatus.Received, ReferralStatus.Accepted, ReferralStatus.OnHold, ReferralStatus.InTreatment);
        HeldFrom = null;
        MoveTo(ReferralStatus.Cancelled, reason, actor, now, "cancelled");
    }

    /// <summary>
    /// The physician allowed what was held back (a technique, or an evaluation finding): who allowed it, when, and the
    /// document that says so.
    /// </summary>
    public void RecordClearance(string subject, string clearedBy, DateTimeOffset clearedAt, string? documentReference, Actor actor, DateTimeOffset now)
    {
        RequireStatus("cleared", ReferralStatus.Received, ReferralStatus.Accepted, ReferralStatus.OnHold, ReferralStatus.InTreatment);
        var awaiting = AwaitingClearance.FirstOrDefault(a => IsNamed(a, subject))
            ?? throw new RuleViolation("nothing-to-clear", $"'{subject.Trim()}' is not awaiting clearance on this referral; awaiting: {Describe(AwaitingClearance)}.");
        if (clearedAt > now)
        {
            throw new RuleViolation("clearance-in-future", "A clearance cannot be dated in the future.");
        }

        Clearances = [.. Clearances, new Clearance(awaiting.Subject, clearedBy, clearedAt, documentReference, actor.Name, awaiting.Kind)];
        Record(actor, now, "clearance-recorded", $"{awaiting.Subject} cleared by {clearedBy}" + (documentReference is null ? "" : $" ({documentReference})"));
    }

    /// <summary>
    /// Moves an open referral past its valid-until date to expired; false when it is not due. <paramref name="today"/> is
    /// the date at the referral's location, so it expires when its last day has ended there.
    /// </summary>
    public bool ExpireIfDue(DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (!Status.IsOpen() || !IsExpiredOn(today))
        {
            return false;
        }
        HeldFrom = null;
        MoveTo(ReferralStatus.Expired, $"valid until {ValidUntil:yyyy-MM-dd}", actor, now, "expired");
        return true;
    }

    private void RequireStatus(string becoming, params ReferralStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolation("referral-status",
                $"A referral that is {Status.ToName()} cannot be {becoming}; only one that is {string.Join(" or ", allowed.Select(s => s.ToName()))} can.");
        }
    }

    private static string Describe(IReadOnlyList<ClearanceNeeded> items) => items.Count == 0 ? "none" : string.Join(", ", items.Select(i => i.Subject));
}

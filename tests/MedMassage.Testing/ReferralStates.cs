using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Testing;

/// <summary>The referral service's state as its events carry it, for feeding the other services' copies in tests.</summary>
public static class ReferralStates
{
    public static ReferralState Accepted(
        Guid? id = null, Guid? locationId = null, PatientContact? patient = null, IEnumerable<string>? techniques = null,
        IEnumerable<string>? bodyRegions = null, IEnumerable<string>? awaitingClearance = null, DateOnly? validFrom = null,
        DateOnly? validUntil = null, VisitCounts? visits = null, IEnumerable<string>? diagnoses = null, PhysicianContact? physician = null) =>
        new(id ?? Guid.NewGuid(), 1, "R-TST-001", ReferralStatuses.Accepted, null, locationId,
            patient ?? new PatientContact(Guid.NewGuid(), "Pat Lee", "pat@example.org", null, "email", "en"),
            physician ?? new PhysicianContact("Dr. Ruth Lee", "1234567893", "Lee Clinic", "lee@clinic.test", null, null),
            [.. diagnoses ?? ["M54.50"]],
            [.. techniques ?? ["myofascial release"]],
            [.. bodyRegions ?? ["lower back"]],
            [.. (awaitingClearance ?? []).Select(t => new ClearanceNeeded(t, ClearanceNeeded.Technique, null))],
            [],
            validFrom ?? new DateOnly(2026, 1, 1),
            validUntil ?? new DateOnly(2027, 12, 31),
            visits ?? new VisitCounts(10, 0, 10),
            false, null, null);

    /// <summary>The owner's next revision after <paramref name="change"/>.</summary>
    public static ReferralState Then(this ReferralState state, Func<ReferralState, ReferralState> change) =>
        change(state) with { Version = state.Version + 1 };

    public static ReferralState WithStatus(this ReferralState state, string status, string? reason = null) =>
        state.Then(s => s with { Status = status, StatusReason = reason });

    /// <summary>The physician cleared <paramref name="subject"/>: the owner's next revision.</summary>
    public static ReferralState Clearing(this ReferralState state, string subject) => state.Then(s => s.Cleared(subject));

    /// <summary>The same state with <paramref name="subject"/> moved from what awaits clearance to what is cleared.</summary>
    public static ReferralState Cleared(this ReferralState state, string subject) => state with
    {
        AwaitingClearance = [.. state.AwaitingClearance.Where(a => !string.Equals(a.Subject, subject, StringComparison.OrdinalIgnoreCase))],
        Cleared = [.. state.Cleared, subject],
    };
}

/// <summary>The referral service's states of the referrals a test plays with: each change is the next revision of the last.</summary>
public sealed class ReferralStateLog
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, ReferralState> _states = new();

    public ReferralState Start(ReferralState state) => _states[state.ReferralId] = state;

    public ReferralState Next(Guid referralId, Func<ReferralState, ReferralState> change) =>
        _states.AddOrUpdate(referralId, _ => throw new InvalidOperationException($"Referral {referralId} was not started here."), (_, s) => s.Then(change));
}

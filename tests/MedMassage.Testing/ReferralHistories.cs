using FsCheck;
using FsCheck.Fluent;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Testing;

/// <summary>
/// One referral's states as its owner published them (versions 1..n), and the order a broker delivered them in:
/// shuffled, some more than once. Whatever the delivery, a copy must end equal to the owner's last state.
/// </summary>
public sealed record ReferralDelivery(IReadOnlyList<ReferralState> Published, IReadOnlyList<ReferralState> Delivered)
{
    public ReferralState Owner => Published[^1];

    public override string ToString() =>
        $"published {Published.Count}, delivered versions [{string.Join(", ", Delivered.Select(s => s.Version))}]";
}

public static class ReferralHistories
{
    private static readonly string[] Statuses =
    [
        ReferralStatuses.Accepted, ReferralStatuses.InTreatment, ReferralStatuses.OnHold, ReferralStatuses.Completed,
        ReferralStatuses.Cancelled, ReferralStatuses.Expired, ReferralStatuses.Exhausted,
    ];

    private static readonly ClearanceNeeded[] Clearances =
    [
        new("scar-tissue-release", ClearanceNeeded.Technique, null),
        new("lymphatic-drainage", ClearanceNeeded.Technique, null),
        new("unhealed scar", ClearanceNeeded.Finding, "neck"),
    ];

    public static Arbitrary<ReferralDelivery> Deliveries { get; } =
        (from count in Gen.Choose(1, 12)
         from published in States(ReferralStates.Accepted(), count)
         from repeated in Gen.SubListOf(published.ToArray())
         from delivered in Gen.Shuffle(Enumerable.Concat<ReferralState>(published, repeated))
         select new ReferralDelivery(published, delivered)).ToArbitrary();

    private static Gen<List<ReferralState>> States(ReferralState first, int count) =>
        Gen.CollectToList(Enumerable.Range(1, count).Select(version => Variant(first, version)));

    private static Gen<ReferralState> Variant(ReferralState first, int version) =>
        from status in Gen.Elements(Statuses)
        from used in Gen.Choose(0, 10)
        from cleared in Gen.Choose(0, Clearances.Length)
        from evaluated in Gen.Elements(true, false)
        from extraDays in Gen.Choose(0, 120)
        from techniques in Gen.SubListOf(new[] { "myofascial-release", "trigger-point", "stretching" })
        select first with
        {
            Version = version,
            Status = status,
            StatusReason = status == ReferralStatuses.Accepted ? null : $"{status} at version {version}",
            Techniques = [.. techniques],
            AwaitingClearance = [.. Clearances.Skip(cleared)],
            Cleared = [.. Clearances.Take(cleared).Select(c => c.Subject)],
            Visits = new VisitCounts(10, used, 10 - used),
            EvaluationCompleted = evaluated,
            ValidUntil = first.ValidUntil.AddDays(extraDays),
            LastResumedAt = DateTimeOffset.UnixEpoch.AddDays(version),
        };

    /// <summary>Delivers every state, in the delivery's order, to a copy that <paramref name="create"/> starts and <paramref name="apply"/> moves on.</summary>
    public static T Replay<T>(this ReferralDelivery delivery, Func<ReferralState, T> create, Action<T, ReferralState> apply) where T : class
    {
        T? copy = null;
        foreach (var state in delivery.Delivered)
        {
            if (copy is null)
            {
                copy = create(state);
            }
            else
            {
                apply(copy, state);
            }
        }
        return copy!;
    }
}

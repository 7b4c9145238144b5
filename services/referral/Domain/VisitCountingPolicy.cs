namespace MedMassage.Referral.Api.Domain;

/// <summary>Whether missed visits use up the authorization; payers differ, so this is set per payer.</summary>
public sealed record VisitCountingPolicy(bool CountsNoShows, bool CountsLateCancellations)
{
    public static readonly VisitCountingPolicy CompletedOnly = new(false, false);

    public bool Counts(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.Completed => true,
        VisitOutcome.NoShow => CountsNoShows,
        VisitOutcome.LateCancellation => CountsLateCancellations,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}

/// <summary>The policy for each payer, and the one for payers not listed (and for self-pay).</summary>
public sealed class VisitCountingRules(VisitCountingPolicy fallback, IReadOnlyDictionary<string, VisitCountingPolicy> payers)
{
    private readonly Dictionary<string, VisitCountingPolicy> _payers = new(payers, StringComparer.OrdinalIgnoreCase);

    public VisitCountingPolicy For(string? payer) =>
        payer is not null && _payers.TryGetValue(payer.Trim(), out var policy) ? policy : fallback;
}

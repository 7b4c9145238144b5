using MedMassage.Referral.Api.Domain;

namespace MedMassage.Referral.Api.Infrastructure;

/// <summary>The "Referrals" configuration section.</summary>
public sealed class ReferralOptions
{
    /// <summary>How often open referrals near their end date are swept for expiry and authorization alerts.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public VisitCountingOptions VisitCounting { get; set; } = new();
}

/// <summary>
/// Whether no-shows and late cancellations use up authorized visits: <c>Default</c> and per payer name, e.g.
/// <c>Referrals:VisitCounting:Payers:Acme Health:CountNoShows = true</c>.
/// </summary>
public sealed class VisitCountingOptions
{
    public PayerVisitCounting Default { get; set; } = new();
    public Dictionary<string, PayerVisitCounting> Payers { get; set; } = [];

    public VisitCountingRules ToRules() => new(
        Default.ToPolicy(),
        Payers.ToDictionary(p => p.Key, p => p.Value.ToPolicy(), StringComparer.OrdinalIgnoreCase));
}

public sealed class PayerVisitCounting
{
    public bool CountNoShows { get; set; }
    public bool CountLateCancellations { get; set; }

    public VisitCountingPolicy ToPolicy() => new(CountNoShows, CountLateCancellations);
}

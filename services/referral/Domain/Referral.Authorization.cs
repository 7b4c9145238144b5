using MedMassage.Contracts.Referrals;

namespace MedMassage.Referral.Api.Domain;

// Watching the authorization run out: staff are told once per reason, in time to ask the payer for more.
public sealed partial class Referral
{
    /// <summary>At most this many visits left is "few".</summary>
    public const int FewVisits = 2;

    /// <summary>An end date this many days away or closer is "soon".</summary>
    public const int ExpiryWarningDays = 7;

    /// <summary>The reasons staff were already alerted for (<see cref="ReferralAuthorizationRunningOut"/>).</summary>
    public List<string> AuthorizationAlerts { get; private set; } = [];

    /// <summary>
    /// Conditions the front desk's inbox shows apart ("attention=…"): decided here, by the same state the alerts and the
    /// clearance rules read.
    /// </summary>
    public static readonly IReadOnlyList<string> AttentionNames = ["awaiting-clearance", "authorization-running-out"];

    public bool NeedsAttention(string attention) => attention switch
    {
        "awaiting-clearance" => Status is not (ReferralStatus.Rejected or ReferralStatus.Completed or ReferralStatus.Expired
            or ReferralStatus.Exhausted or ReferralStatus.Cancelled) && AwaitingClearance.Count > 0,
        // The authorization alerts already raised for a referral still in care (WatchAuthorization decides them).
        "authorization-running-out" => Status is ReferralStatus.Accepted or ReferralStatus.InTreatment or ReferralStatus.OnHold
            && AuthorizationAlerts.Count > 0,
        _ => false,
    };

    /// <summary>
    /// Raises an alert for each reason that has become true and was not raised before. <paramref name="today"/> is the
    /// date at the referral's location. Only a referral in care is watched; one still received or closed needs nothing.
    /// </summary>
    public void WatchAuthorization(DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InTreatment or ReferralStatus.OnHold))
        {
            return;
        }
        Alert(ReferralAuthorizationRunningOut.FewVisits, Visits.Remaining <= FewVisits, $"{Visits.Remaining} of {AuthorizedVisits} visits left", actor, now);
        Alert(ReferralAuthorizationRunningOut.ExpiresSoon, ValidUntil.DayNumber - today.DayNumber <= ExpiryWarningDays,
            $"valid until {ValidUntil:yyyy-MM-dd}", actor, now);
    }

    private void Alert(string reason, bool due, string detail, Actor actor, DateTimeOffset now)
    {
        if (!due || AuthorizationAlerts.Contains(reason))
        {
            return;
        }
        AuthorizationAlerts = [.. AuthorizationAlerts, reason];
        Record(actor, now, "authorization-alert", $"{reason}: {detail}");
        Raise(new ReferralAuthorizationRunningOut(Id, LocationId, Reference, reason, Visits, ValidUntil) { OccurredAt = now });
    }
}

using MedMassage.Contracts.Referrals;

namespace MedMassage.Referral.Api.Domain;

public enum ReferralStatus
{
    Received,
    Accepted,
    Rejected,
    OnHold,
    InTreatment,
    Completed,
    Expired,
    Exhausted,
    Cancelled,
}

/// <summary>The names statuses have on the API, in history and in every other service ("on-hold", "in-treatment").</summary>
public static class ReferralStatusNames
{
    private static readonly Dictionary<ReferralStatus, string> Names = new()
    {
        [ReferralStatus.Received] = ReferralStatuses.Received,
        [ReferralStatus.Accepted] = ReferralStatuses.Accepted,
        [ReferralStatus.Rejected] = ReferralStatuses.Rejected,
        [ReferralStatus.OnHold] = ReferralStatuses.OnHold,
        [ReferralStatus.InTreatment] = ReferralStatuses.InTreatment,
        [ReferralStatus.Completed] = ReferralStatuses.Completed,
        [ReferralStatus.Expired] = ReferralStatuses.Expired,
        [ReferralStatus.Exhausted] = ReferralStatuses.Exhausted,
        [ReferralStatus.Cancelled] = ReferralStatuses.Cancelled,
    };

    public static IEnumerable<string> All => Names.Values;

    public static string ToName(this ReferralStatus status) => Names[status];

    public static bool TryParse(string? name, out ReferralStatus status)
    {
        foreach (var (value, text) in Names)
        {
            if (string.Equals(text, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = value;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Open referrals can still change; the others are closed for good.</summary>
    public static bool IsOpen(this ReferralStatus status) => ReferralStatuses.IsOpen(status.ToName());
}

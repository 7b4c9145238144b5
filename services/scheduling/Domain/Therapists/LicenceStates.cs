namespace MedMassage.Scheduling.Api.Domain.Therapists;

/// <summary>
/// Who issues a massage therapy licence: a US state, the District of Columbia or a territory, by its postal code. A code
/// outside the list is a typo, and a licence nobody can verify, so it is refused rather than kept.
/// </summary>
public static class LicenceStates
{
    public static readonly IReadOnlyList<string> All =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
    ];

    /// <summary>The code as kept ("ny" → "NY"), or null when no licence is issued under it.</summary>
    public static string? Normalize(string code)
    {
        var upper = code.Trim().ToUpperInvariant();
        return All.Contains(upper) ? upper : null;
    }
}

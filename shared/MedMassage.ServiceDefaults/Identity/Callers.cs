namespace MedMassage.ServiceDefaults.Identity;

/// <summary>What kind of caller a token names, asked the same way by every service's access class.</summary>
public static class Callers
{
    /// <summary>Whether the caller's data is scoped to the locations in their token (<see cref="Roles.LocationBound"/>).</summary>
    public static bool IsLocationBound(this ICurrentUser user) => Roles.LocationBound.Any(user.IsInRole);

    /// <summary>
    /// The integrated system acting (its OAuth client, which referrals record as their submitter), holding
    /// <paramref name="scope"/> where one is named; null for anyone else.
    /// </summary>
    public static string? IntegratedSystem(this ICurrentUser user, string? scope = null) =>
        user.IsInRole(Roles.IntegrationClient) && (scope is null || user.HasScope(scope)) ? user.ClientId : null;
}

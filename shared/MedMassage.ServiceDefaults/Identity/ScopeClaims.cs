using System.Security.Claims;

namespace MedMassage.ServiceDefaults.Identity;

public static class ScopeClaims
{
    /// <summary>OAuth scopes arrive as one space-separated <c>scope</c> claim or as one claim per scope.</summary>
    public static IEnumerable<string> Scopes(this ClaimsPrincipal user) =>
        user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.Scopes().Contains(scope, StringComparer.Ordinal);
}

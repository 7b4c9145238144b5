using System.Security.Claims;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.Fhir;

/// <summary>
/// SMART v1 system scopes (<c>system/Appointment.read</c>): a system reads a type with its <c>.read</c> (or
/// <c>.*</c>, or <c>system/*.read</c>) scope and creates or updates with <c>.write</c>.
/// </summary>
public static class FhirScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static string For(string type, string interaction) => $"system/{type}.{interaction}";

    public static bool Allows(ClaimsPrincipal user, string type, string interaction)
    {
        if (!user.IsInRole(Roles.IntegrationClient))
        {
            return false;
        }
        var granted = user.Scopes().ToHashSet(StringComparer.Ordinal);
        return granted.Contains(For(type, interaction)) || granted.Contains(For(type, "*"))
            || granted.Contains(For("*", interaction)) || granted.Contains("system/*.*");
    }
}

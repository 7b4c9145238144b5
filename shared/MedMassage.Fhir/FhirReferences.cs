using System.Text.RegularExpressions;

namespace MedMassage.Fhir;

/// <summary>Reading the id out of a reference: <c>Patient/abc</c>, <c>https://…/fhir/Patient/abc</c> or <c>abc</c>.</summary>
public static partial class FhirReferences
{
    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex IdPattern();

    public static bool TryId(string? reference, string type, out string id)
    {
        id = "";
        if (string.IsNullOrWhiteSpace(reference))
        {
            return false;
        }
        var parts = reference.Trim().Split('/');
        var typeAt = Array.LastIndexOf(parts, type);
        var candidate = parts.Length == 1 ? parts[0] : typeAt >= 0 && typeAt + 1 < parts.Length ? parts[typeAt + 1] : null;
        if (candidate is null || !IdPattern().IsMatch(candidate))
        {
            return false;
        }
        id = candidate;
        return true;
    }

    public static bool TryGuid(string? reference, string type, out Guid id)
    {
        id = Guid.Empty;
        return TryId(reference, type, out var text) && Guid.TryParse(text, out id);
    }

    /// <summary>
    /// A searched-for id as the Guid records are keyed by: null when the search names none, and one that is no Guid
    /// as <see cref="Guid.Empty"/>, which matches nothing, so the search finds nothing rather than ignoring the filter.
    /// </summary>
    public static Guid? AsGuid(string? id) => id is null ? null : Guid.TryParse(id, out var guid) ? guid : Guid.Empty;

    public static string To(string type, Guid id) => $"{type}/{id}";
}

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

    public static string To(string type, Guid id) => $"{type}/{id}";
}

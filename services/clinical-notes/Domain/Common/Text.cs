namespace MedMassage.ClinicalNotes.Api.Domain.Common;

/// <summary>Techniques and body regions come from several systems; they are compared without regard to case or padding.</summary>
public static class Text
{
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    public static bool SameAs(this string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool ContainsText(this IEnumerable<string> values, string value) => values.Any(v => v.SameAs(value));

    public static List<string> Clean(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

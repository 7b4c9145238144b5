using System.Text.RegularExpressions;

namespace MedMassage.Referral.Api.Domain;

/// <summary>ICD-10-CM diagnosis codes: the format check, and names for the codes our clinics see most.</summary>
public static partial class Icd10
{
    // A letter (U is reserved), two characters, then optionally a dot and one to four more (e.g. S13.4XXA).
    [GeneratedRegex(@"^[A-TV-Z][0-9][0-9AB](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Format();

    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["G56.00"] = "Carpal tunnel syndrome, unspecified upper limb",
        ["G56.01"] = "Carpal tunnel syndrome, right upper limb",
        ["G56.02"] = "Carpal tunnel syndrome, left upper limb",
        ["G56.03"] = "Carpal tunnel syndrome, bilateral upper limbs",
        ["G43.909"] = "Migraine, unspecified, not intractable, without status migrainosus",
        ["G54.0"] = "Brachial plexus disorders (thoracic outlet syndrome)",
        ["M79.7"] = "Fibromyalgia",
        ["S13.4XXA"] = "Sprain of ligaments of cervical spine (whiplash), initial encounter",
        ["M62.830"] = "Muscle spasm of back",
        ["M62.831"] = "Muscle spasm of calf",
        ["M62.838"] = "Other muscle spasm",
        ["M54.2"] = "Cervicalgia",
        ["M54.50"] = "Low back pain, unspecified",
        ["M54.30"] = "Sciatica, unspecified side",
        ["M54.31"] = "Sciatica, right side",
        ["M54.32"] = "Sciatica, left side",
        ["L90.5"] = "Scar conditions and fibrosis of skin",
        ["O26.891"] = "Other specified pregnancy related conditions, first trimester",
        ["O26.892"] = "Other specified pregnancy related conditions, second trimester",
        ["O26.893"] = "Other specified pregnancy related conditions, third trimester",
        ["M19.90"] = "Unspecified osteoarthritis, unspecified site",
        ["M25.611"] = "Stiffness of right shoulder",
        ["M25.612"] = "Stiffness of left shoulder",
        ["M25.661"] = "Stiffness of right knee",
        ["M25.662"] = "Stiffness of left knee",
        ["M72.2"] = "Plantar fascial fibromatosis (plantar fasciitis)",
    };

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static bool IsValidFormat(string code) => Format().IsMatch(Normalize(code));

    /// <summary>The name of a common code, or null for a well-formed code outside the built-in table.</summary>
    public static string? Describe(string code) => Common.GetValueOrDefault(Normalize(code));
}

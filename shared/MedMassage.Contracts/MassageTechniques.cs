namespace MedMassage.Contracts;

/// <summary>
/// The massage techniques the chain gives, by the names every service and event uses ("lymphatic-drainage"): what a
/// referral may prescribe, a plan may include, a therapist may be certified in. One list, so a name one service
/// accepts is never unknown to another.
/// </summary>
public static class MassageTechniques
{
    public const string ScarTissueRelease = "scar-tissue-release";

    public static readonly IReadOnlyList<string> Known =
    [
        "myofascial-release",
        "trigger-point",
        "deep-tissue",
        "neuromuscular",
        "lymphatic-drainage",
        "craniosacral",
        "stretching",
        ScarTissueRelease,
        "body-mechanics-education",
    ];

    /// <summary>Work a therapist may only give with a matching certification.</summary>
    private static readonly HashSet<string> NeedCertification = [Key("lymphatic-drainage"), Key("craniosacral"), Key("neuromuscular")];

    /// <summary>The spelling a referral stores: trimmed, lower case.</summary>
    public static string Normalize(string technique) => technique.Trim().ToLowerInvariant();

    public static bool IsKnown(string technique) => Known.Contains(Normalize(technique));

    /// <summary>"Lymphatic drainage", "lymphatic-drainage" and "LymphaticDrainage" are one technique.</summary>
    public static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    public static bool SameAs(string a, string b) => Key(a) == Key(b);

    /// <summary>Scar work follows surgery, so the physician must clear it before it is given.</summary>
    public static bool AlwaysNeedsClearance(string technique) => Normalize(technique) == ScarTissueRelease;

    /// <summary>Asked for every therapist a slot search considers: the technique's key is made once.</summary>
    public static bool RequiresCertification(string technique)
    {
        var key = Key(technique);
        return NeedCertification.Any(needed => KeysCover(needed, key));
    }

    /// <summary>Whether a certification covers a technique ("craniosacral therapy" covers "craniosacral").</summary>
    public static bool Covers(string certification, string technique) => KeysCover(Key(certification), Key(technique));

    private static bool KeysCover(string cert, string tech) =>
        cert.Length > 0 && tech.Length > 0 && (tech.StartsWith(cert, StringComparison.Ordinal) || cert.StartsWith(tech, StringComparison.Ordinal));

    /// <summary>A certification names a technique of the list, loosely spelled ("Lymphatic Drainage", "craniosacral therapy").</summary>
    public static bool IsCertification(string certification) => Known.Any(t => Covers(certification, t));
}

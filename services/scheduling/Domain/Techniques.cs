namespace MedMassage.Scheduling.Api.Domain;

/// <summary>Technique names as referrals, plans and certifications spell them, compared loosely.</summary>
public static class Techniques
{
    /// <summary>Work a therapist may only give with a matching certification.</summary>
    private static readonly HashSet<string> NeedCertification = ["lymphaticdrainage", "craniosacraltherapy", "craniosacral", "neuromusculartherapy", "neuromuscular"];

    /// <summary>"Lymphatic drainage", "lymphatic-drainage" and "LymphaticDrainage" are one technique.</summary>
    public static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    public static bool RequiresCertification(string technique) => NeedCertification.Contains(Key(technique));

    /// <summary>Whether a certification covers a technique ("craniosacral" covers "craniosacral therapy").</summary>
    public static bool Covers(string certification, string technique)
    {
        var cert = Key(certification);
        var tech = Key(technique);
        return cert == tech || tech.StartsWith(cert, StringComparison.Ordinal) || cert.StartsWith(tech, StringComparison.Ordinal);
    }

    public static bool SameAs(string a, string b) => Key(a) == Key(b);
}

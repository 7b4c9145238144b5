namespace MedMassage.Referral.Api.Domain;

/// <summary>The techniques a referral may request, by the names every service uses.</summary>
public static class Techniques
{
    public const string ScarTissueRelease = "scar-tissue-release";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "myofascial-release",
        "trigger-point",
        "deep-tissue",
        "neuromuscular",
        "lymphatic-drainage",
        "craniosacral",
        "stretching",
        ScarTissueRelease,
        "body-mechanics-education",
    };

    public static string Normalize(string technique) => technique.Trim().ToLowerInvariant();

    /// <summary>Scar work follows surgery, so the physician must clear it before it is given.</summary>
    public static bool AlwaysNeedsClearance(string technique) => technique == ScarTissueRelease;
}

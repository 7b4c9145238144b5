namespace MedMassage.ClinicalNotes.Api.Domain.Notes;

/// <summary>The timed procedure codes a massage therapy visit is billed under.</summary>
public static class CptCodes
{
    public static readonly IReadOnlyDictionary<string, string> Timed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["97124"] = "Massage therapy",
        ["97140"] = "Manual therapy (myofascial release, lymphatic drainage, mobilization)",
        ["97112"] = "Neuromuscular re-education",
        ["97110"] = "Therapeutic exercise",
        ["97530"] = "Therapeutic activities",
        ["97535"] = "Self-care / home management training",
    };

    public static bool IsKnown(string? code) => code is not null && Timed.ContainsKey(code.Trim());
}

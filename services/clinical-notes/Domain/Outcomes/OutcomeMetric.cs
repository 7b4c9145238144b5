namespace MedMassage.ClinicalNotes.Api.Domain.Outcomes;

/// <summary>
/// What a goal or an outcome trend measures: "pain" (0-10), an outcome measure by name ("Oswestry"), or
/// range of motion as "rom:{joint}:{motion}" in degrees.
/// </summary>
public sealed record OutcomeMetric(string Key, bool HigherIsBetter)
{
    public const string Pain = "pain";
    public const string RangeOfMotionPrefix = "rom:";

    public static OutcomeMetric ForPain() => new(Pain, HigherIsBetter: false);

    public static OutcomeMetric ForMeasure(OutcomeMeasure measure) =>
        new(measure.ToString(), OutcomeMeasureDefinition.For(measure).HigherIsBetter);

    public static OutcomeMetric ForRangeOfMotion(string joint, string motion) =>
        new($"{RangeOfMotionPrefix}{joint.Trim().ToLowerInvariant()}:{motion.Trim().ToLowerInvariant()}", HigherIsBetter: true);

    public static bool TryParse(string? key, out OutcomeMetric metric)
    {
        metric = ForPain();
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }
        var text = key.Trim();
        if (text.Equals(Pain, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // "neck-disability-index" as the API writes measures, or "NeckDisabilityIndex".
        if (Enum.TryParse<OutcomeMeasure>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var measure) && !int.TryParse(text, out _))
        {
            metric = ForMeasure(measure);
            return true;
        }
        var parts = text.Split(':');
        if (parts.Length == 3 && parts[0].Equals("rom", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(parts[1]) && !string.IsNullOrWhiteSpace(parts[2]))
        {
            metric = ForRangeOfMotion(parts[1], parts[2]);
            return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="value"/> reaches <paramref name="target"/> in the direction of improvement.</summary>
    public bool Reaches(decimal value, decimal target) => HigherIsBetter ? value >= target : value <= target;
}

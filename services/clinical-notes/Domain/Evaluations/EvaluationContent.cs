using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.Contracts;

namespace MedMassage.ClinicalNotes.Api.Domain.Evaluations;

public sealed record RangeOfMotion(string Joint, string Motion, int Degrees);

public sealed record OutcomeResult(OutcomeMeasure Measure, IReadOnlyList<int?> Answers, decimal Score);

public sealed record ScreeningFinding(string Name, ContraindicationEffect Effect, string? BodyRegion);

/// <summary>A measurable goal: a metric (see <see cref="OutcomeMetric"/>) and the value to reach.</summary>
public sealed record Goal(string Description, string Metric, decimal Target);

/// <summary>What a therapist records at an evaluation; validated as a whole so every bad field is reported.</summary>
public sealed record EvaluationContent(
    string History,
    int PainScore,
    IReadOnlyList<RangeOfMotion> RangeOfMotion,
    OutcomeResult? Outcome,
    IReadOnlyList<ScreeningFinding> Findings,
    string Assessment,
    IReadOnlyList<Goal> Goals)
{
    public const int MaxDegrees = 360;

    /// <summary>Validates the answers and scores the outcome measure; nothing is accepted half-valid.</summary>
    public static EvaluationContent Create(
        string? history, int? painScore, IReadOnlyList<RangeOfMotion>? rangeOfMotion,
        OutcomeMeasure? measure, IReadOnlyList<int?>? answers,
        IReadOnlyList<ScreeningFinding>? findings, string? assessment, IReadOnlyList<Goal>? goals, bool goalsRequired)
    {
        var errors = new FieldErrors()
            .When(string.IsNullOrWhiteSpace(history), "history", "The history is required.")
            .When(painScore is null, "painScore", "The pain score is required.")
            .When(painScore is < 0 or > 10, "painScore", "Pain is rated 0 to 10.")
            .When(string.IsNullOrWhiteSpace(assessment), "assessment", "The assessment is required.")
            .When(goalsRequired && (goals is null || goals.Count == 0), "goals", "At least one measurable goal is required.");

        var rom = rangeOfMotion ?? [];
        for (var i = 0; i < rom.Count; i++)
        {
            if (rom[i] is null)
            {
                errors.Add($"rangeOfMotion[{i}]", "A measurement is required.");
                continue;
            }
            errors.When(string.IsNullOrWhiteSpace(rom[i].Joint), $"rangeOfMotion[{i}].joint", "The joint is required.")
                .When(string.IsNullOrWhiteSpace(rom[i].Motion), $"rangeOfMotion[{i}].motion", "The motion is required.")
                .When(rom[i].Degrees is < 0 or > MaxDegrees, $"rangeOfMotion[{i}].degrees", $"Degrees range from 0 to {MaxDegrees}.");
        }

        var screening = findings ?? [];
        for (var i = 0; i < screening.Count; i++)
        {
            if (screening[i] is null)
            {
                errors.Add($"findings[{i}]", "A finding is required.");
                continue;
            }
            errors.When(string.IsNullOrWhiteSpace(screening[i].Name), $"findings[{i}].name", "The finding is required.")
                .When(!Enum.IsDefined(screening[i].Effect), $"findings[{i}].effect", "Unknown effect.")
                .When(screening[i].Effect == ContraindicationEffect.ExcludesLocalArea && string.IsNullOrWhiteSpace(screening[i].BodyRegion),
                    $"findings[{i}].bodyRegion", "A finding that excludes a local area names the body region.");
        }

        var goalList = goals ?? [];
        for (var i = 0; i < goalList.Count; i++)
        {
            if (goalList[i] is null)
            {
                errors.Add($"goals[{i}]", "A goal is required.");
                continue;
            }
            errors.When(string.IsNullOrWhiteSpace(goalList[i].Description), $"goals[{i}].description", "The goal is described.")
                .When(!OutcomeMetric.TryParse(goalList[i].Metric, out _), $"goals[{i}].metric",
                    "A goal measures 'pain', an outcome measure (NeckDisabilityIndex, Oswestry, QuickDash, PatientSpecificFunctionalScale) or 'rom:{joint}:{motion}'.");
        }

        OutcomeResult? outcome = null;
        if (measure is { } m)
        {
            if (!Enum.IsDefined(m))
            {
                errors.Add("outcomeMeasure.measure", "Unknown outcome measure.");
            }
            else
            {
                try
                {
                    outcome = new OutcomeResult(m, answers ?? [], OutcomeScoring.Score(m, answers ?? []));
                }
                catch (InvalidClinicalData e)
                {
                    errors.Merge("outcomeMeasure", e);
                }
            }
        }
        errors.ThrowIfAny();

        return new EvaluationContent(
            history!.Trim(), painScore!.Value,
            [.. rom.Select(r => r with { Joint = r.Joint.Trim(), Motion = r.Motion.Trim() })],
            outcome,
            [.. screening.Select(f => f with { Name = f.Name.Trim(), BodyRegion = f.BodyRegion?.Trim() })],
            assessment!.Trim(),
            [.. goalList.Select(g => g with { Metric = Parse(g.Metric).Key })]);
    }

    private static OutcomeMetric Parse(string metric) => OutcomeMetric.TryParse(metric, out var m) ? m : throw new InvalidOperationException();
}

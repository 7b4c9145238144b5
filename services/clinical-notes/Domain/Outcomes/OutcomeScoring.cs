using MedMassage.ClinicalNotes.Api.Domain.Common;

namespace MedMassage.ClinicalNotes.Api.Domain.Outcomes;

/// <summary>Scores a questionnaire from its item answers (null = not answered), as each instrument's manual prescribes.</summary>
public static class OutcomeScoring
{
    public static decimal Score(OutcomeMeasure measure, IReadOnlyList<int?> answers)
    {
        var definition = OutcomeMeasureDefinition.For(measure);
        Validate(definition, answers);
        var answered = answers.Where(a => a.HasValue).Select(a => a!.Value).ToList();
        var score = measure switch
        {
            // Percentage of the maximum possible for the sections answered.
            OutcomeMeasure.NeckDisabilityIndex or OutcomeMeasure.Oswestry => answered.Sum() * 100m / (5m * answered.Count),
            // ((sum / n) - 1) x 25 gives 0 (no disability) to 100 (most severe).
            OutcomeMeasure.QuickDash => ((decimal)answered.Sum() / answered.Count - 1m) * 25m,
            // Mean activity rating, 0-10.
            OutcomeMeasure.PatientSpecificFunctionalScale => (decimal)answered.Sum() / answered.Count,
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
        return Math.Round(score, 1, MidpointRounding.AwayFromZero);
    }

    private static void Validate(OutcomeMeasureDefinition definition, IReadOnlyList<int?> answers)
    {
        var errors = new FieldErrors();
        if (answers.Count < definition.MinItems || answers.Count > definition.MaxItems)
        {
            var expected = definition.MinItems == definition.MaxItems ? $"{definition.MinItems}" : $"{definition.MinItems} to {definition.MaxItems}";
            errors.Add("answers", $"{definition.Measure} has {expected} items; {answers.Count} were given.");
        }
        else if (answers.Count(a => a.HasValue) < definition.MinAnswered)
        {
            errors.Add("answers", $"{definition.Measure} needs at least {definition.MinAnswered} answered items to be scored.");
        }
        for (var i = 0; i < answers.Count; i++)
        {
            errors.When(answers[i] is { } a && (a < definition.LowestAnswer || a > definition.HighestAnswer),
                $"answers[{i}]", $"Answers range from {definition.LowestAnswer} to {definition.HighestAnswer}.");
        }
        errors.ThrowIfAny();
    }
}

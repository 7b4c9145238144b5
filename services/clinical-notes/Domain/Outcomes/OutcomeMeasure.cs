namespace MedMassage.ClinicalNotes.Api.Domain.Outcomes;

/// <summary>The functional outcome questionnaires the clinic scores.</summary>
public enum OutcomeMeasure
{
    NeckDisabilityIndex,
    Oswestry,
    QuickDash,
    PatientSpecificFunctionalScale,
}

/// <summary>How each questionnaire is answered and which direction means improvement.</summary>
public sealed record OutcomeMeasureDefinition(
    OutcomeMeasure Measure,
    int MinItems,
    int MaxItems,
    int MinAnswered,
    int LowestAnswer,
    int HighestAnswer,
    bool HigherIsBetter)
{
    public static OutcomeMeasureDefinition For(OutcomeMeasure measure) => measure switch
    {
        // 10 sections scored 0-5; one unanswered section is tolerated (divide by the sections answered).
        OutcomeMeasure.NeckDisabilityIndex => new(measure, 10, 10, 9, 0, 5, HigherIsBetter: false),
        OutcomeMeasure.Oswestry => new(measure, 10, 10, 9, 0, 5, HigherIsBetter: false),
        // 11 items scored 1-5; not valid with more than one item missing.
        OutcomeMeasure.QuickDash => new(measure, 11, 11, 10, 1, 5, HigherIsBetter: false),
        // 3 to 5 patient-chosen activities, each rated 0 (unable) to 10 (as before the injury).
        OutcomeMeasure.PatientSpecificFunctionalScale => new(measure, 3, 5, 3, 0, 10, HigherIsBetter: true),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}

using Hl7.Fhir.Model;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.Fhir;

namespace MedMassage.ClinicalNotes.Api.Apis.Fhir;

/// <summary>
/// Measurements in signed records as FHIR Observations: the pain score of an evaluation and the pain before and after
/// each treatment (LOINC 72514-3, the 0-10 numeric rating), and the outcome questionnaire's score. An observation's id
/// is its record's id and what it measured, so it is stable and readable back.
/// </summary>
public static class ObservationMapping
{
    public const string PainCode = "72514-3";
    private const string PainDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    private const string CategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static readonly IReadOnlyDictionary<string, string> Suffixes = new Dictionary<string, string>
    {
        ["pain"] = "pain at the evaluation",
        ["outcome"] = "outcome score at the evaluation",
        ["pain-before"] = "pain before treatment",
        ["pain-after"] = "pain after treatment",
    };

    public static IEnumerable<Observation> From(Evaluation evaluation)
    {
        if (!evaluation.IsSigned)
        {
            yield break;
        }
        yield return Pain(evaluation.Id, "pain", evaluation.Content.PainScore, evaluation.ReferralId, evaluation.PatientId, evaluation.TherapistId, evaluation.SignedAt!.Value);
        if (evaluation.Content.Outcome is { } outcome)
        {
            var observation = Base(evaluation.Id, "outcome", evaluation.ReferralId, evaluation.PatientId, evaluation.TherapistId, evaluation.SignedAt!.Value, "survey");
            var code = MeasureCode(outcome.Measure);
            observation.Code = new CodeableConcept(FhirSystems.OutcomeMeasure, code, Name(outcome.Measure));
            observation.Value = new Quantity { Value = outcome.Score, Unit = outcome.Measure == OutcomeMeasure.PatientSpecificFunctionalScale ? "points" : "%" };
            observation.Interpretation.Add(new CodeableConcept { Text = OutcomeMeasureDefinition.For(outcome.Measure).HigherIsBetter ? "Higher is better" : "Lower is better" });
            yield return observation;
        }
    }

    public static IEnumerable<Observation> From(VisitNote note)
    {
        if (!note.IsSigned)
        {
            yield break;
        }
        yield return Pain(note.Id, "pain-before", note.Content.PainBefore, note.ReferralId, note.PatientId, note.TherapistId, note.SignedAt!.Value);
        yield return Pain(note.Id, "pain-after", note.Content.PainAfter, note.ReferralId, note.PatientId, note.TherapistId, note.SignedAt!.Value);
    }

    public static string MeasureCode(OutcomeMeasure measure) => measure switch
    {
        OutcomeMeasure.NeckDisabilityIndex => "neck-disability-index",
        OutcomeMeasure.Oswestry => "oswestry",
        OutcomeMeasure.QuickDash => "quick-dash",
        _ => "patient-specific-functional-scale",
    };

    private static string Name(OutcomeMeasure measure) => measure switch
    {
        OutcomeMeasure.NeckDisabilityIndex => "Neck Disability Index",
        OutcomeMeasure.Oswestry => "Oswestry Disability Index",
        OutcomeMeasure.QuickDash => "QuickDASH",
        _ => "Patient-Specific Functional Scale",
    };

    private static Observation Pain(Guid recordId, string suffix, int score, Guid referralId, Guid patientId, Guid therapistId, DateTimeOffset at)
    {
        var observation = Base(recordId, suffix, referralId, patientId, therapistId, at, "survey");
        observation.Code = new CodeableConcept(FhirSystems.Loinc, PainCode, PainDisplay) { Text = Suffixes[suffix] };
        observation.Value = new Integer(score);
        return observation;
    }

    private static Observation Base(Guid recordId, string suffix, Guid referralId, Guid patientId, Guid therapistId, DateTimeOffset at, string category) => new()
    {
        Id = $"{recordId}-{suffix}",
        Meta = new Meta { LastUpdated = at },
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept(CategorySystem, category)],
        Subject = new ResourceReference(FhirReferences.To("Patient", patientId)),
        BasedOn = [new ResourceReference(FhirReferences.To("ServiceRequest", referralId))],
        Performer = [new ResourceReference(FhirReferences.To("Practitioner", therapistId))],
        Effective = new FhirDateTime(at),
    };
}

using System.ComponentModel.DataAnnotations;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;

namespace MedMassage.ClinicalNotes.Api.Apis.Contracts;

public sealed record OutcomeAnswers(OutcomeMeasure? Measure, IReadOnlyList<int?>? Answers);

public sealed record EvaluationRequest(
    Guid? ReferralId,
    Guid? AppointmentId,
    EvaluationKind? Kind,
    [Required] string? History,
    [Required] int? PainScore,
    IReadOnlyList<RangeOfMotion>? RangeOfMotion,
    OutcomeAnswers? OutcomeMeasure,
    IReadOnlyList<ScreeningFinding>? Findings,
    [Required] string? Assessment,
    IReadOnlyList<Goal>? Goals,
    string? OnBehalfReason = null)
{
    public EvaluationContent ToContent(EvaluationKind kind) => EvaluationContent.Create(
        History, PainScore, RangeOfMotion, OutcomeMeasure?.Measure, OutcomeMeasure?.Answers, Findings, Assessment, Goals,
        goalsRequired: kind == EvaluationKind.Initial);
}

public sealed record EvaluationResponse(
    Guid Id,
    Guid ReferralId,
    Guid AppointmentId,
    Guid PatientId,
    Guid TherapistId,
    EvaluationKind Kind,
    EvaluationContent Content,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? SignedAt,
    string? SignedBy)
{
    public static EvaluationResponse From(Evaluation e) =>
        new(e.Id, e.ReferralId, e.AppointmentId, e.PatientId, e.TherapistId, e.Kind, e.Content, e.CreatedAt, e.CreatedBy, e.SignedAt, e.SignedBy);
}

using System.ComponentModel.DataAnnotations;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.Contracts;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.ClinicalNotes.Api.Apis.Contracts;

public sealed record TreatmentPlanRequest(
    [Required] Guid? EvaluationId,
    [Required][OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string>? Techniques,
    [Required] IReadOnlyList<string>? BodyRegions,
    [Required] int? SessionsPerWeek,
    [Required] int? Weeks,
    [Required] int? VisitCount,
    [Required] IReadOnlyList<Goal>? Goals);

public sealed record PlanRevisionRequest(
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string>? Techniques,
    IReadOnlyList<string>? BodyRegions,
    int? SessionsPerWeek,
    int? Weeks,
    int? VisitCount,
    IReadOnlyList<Goal>? Goals,
    [Required] string? Reason);

public sealed record CertificationRequest([Required] string? CertifiedBy, DateTimeOffset? CertifiedAt);

public sealed record TreatmentPlanResponse(
    Guid Id,
    int Version,
    Guid ReferralId,
    Guid EvaluationId,
    PlanTerms Terms,
    PlanStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateOnly? CertificationDueBy,
    IReadOnlyList<Certification> Certifications,
    string? RevisionReason)
{
    public static TreatmentPlanResponse From(TreatmentPlan p) =>
        new(p.Id, p.Version, p.ReferralId, p.EvaluationId, p.Terms, p.Status, p.CreatedAt, p.ActivatedAt, p.CertificationDueBy, p.Certifications, p.RevisionReason);
}

using System.ComponentModel.DataAnnotations;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.ClinicalNotes.Api.Apis.Contracts;

public sealed record DischargeRequest([Required] string? Reason);

public sealed record DocumentResponse(Guid Id, Guid ReferralId, DocumentKind Kind, string Title, DateTimeOffset IssuedAt, string Url);

public sealed record ReferralCareResponse(
    Guid ReferralId,
    string Reference,
    Guid PatientId,
    string PatientName,
    string PhysicianName,
    [OneOf(typeof(ReferralStatuses))] string Status,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> TechniquesAwaitingClearance,
    bool TreatmentBlocked,
    IReadOnlyList<string> PendingClearances,
    int SignedVisits,
    int VisitsSinceEvaluation,
    bool ReEvaluationDue,
    DateOnly? ReEvaluationDueBy,
    DateTimeOffset? DischargedAt,
    IReadOnlyList<Guid> EvaluationIds,
    Guid? ActivePlanId,
    IReadOnlyList<Guid> VisitNoteIds,
    IReadOnlyList<DocumentResponse> Documents);

public sealed record ReferralOutcomesResponse(Guid ReferralId, int VisitsUsed, bool AllGoalsReached, IReadOnlyList<MetricTrend> Measures);

public sealed record OutcomeAggregateResponse(
    string Scope,
    Guid Id,
    int Referrals,
    int ReferralsWithGoals,
    decimal? ShareReachingGoals,
    decimal? MeanPainChange,
    decimal? MeanVisitsUsed);

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string UserId, string UserName, string? Role, string? ClientId, string? ClientAddress,
    string RecordType, Guid RecordId, Guid? ReferralId, [OneOf(typeof(AuditActions))] string Action, string? Reason);

using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Domain;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>Everything staff see when they open a referral, including its full history.</summary>
public sealed record ReferralDetails(
    Guid Id,
    string Reference,
    [OneOf(typeof(ReferralStatuses))] string Status,
    string? StatusReason,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Priorities))] string Priority,
    Guid? LocationId,
    DateTimeOffset ReceivedAt,
    Guid? PossibleDuplicateOf,
    Patient Patient,
    Physician Physician,
    IReadOnlyList<DiagnosisView> Diagnoses,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string> TechniquesAwaitingClearance,
    IReadOnlyList<ClearanceNeeded> AwaitingClearance,
    int SessionsPerWeek,
    int Weeks,
    VisitCounts Visits,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    IReadOnlyList<PrecautionView> Precautions,
    IReadOnlyList<Clearance> Clearances,
    Insurance? Insurance,
    string? Notes,
    EvaluationView Evaluation,
    PlanView Plan,
    IReadOnlyList<HistoryView> History);

/// <summary>One row of the intake inbox.</summary>
public sealed record ReferralSummary(
    Guid Id,
    string Reference,
    [OneOf(typeof(ReferralStatuses))] string Status,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Priorities))] string Priority,
    Guid? LocationId,
    DateTimeOffset ReceivedAt,
    string PatientName,
    string PhysicianName,
    string PhysicianNpi,
    IReadOnlyList<string> DiagnosisCodes,
    VisitCounts Visits,
    DateOnly ValidUntil,
    bool PossibleDuplicate);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record DiagnosisView(string Code, string? Description);

public sealed record PrecautionView(string Name, [OneOf(typeof(ContraindicationEffect))] string Effect, string? BodyRegion);

/// <summary>Status "pending" until the first evaluation is done, then "completed".</summary>
public sealed record EvaluationView(string Status, Guid? EvaluationId, DateTimeOffset? CompletedAt);

/// <summary>Status "none" until a plan is activated, then the plan's status ("active", "certified").</summary>
public sealed record PlanView(string Status, Guid? PlanId, int? Version, DateOnly? CertificationDueBy);

public sealed record HistoryView(DateTimeOffset At, string ActorId, string ActorName, string Action, string Detail);

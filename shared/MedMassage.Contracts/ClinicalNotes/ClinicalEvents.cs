namespace MedMassage.Contracts.ClinicalNotes;

public sealed record EvaluationCompleted(
    Guid EvaluationId,
    Guid ReferralId,
    Guid AppointmentId,
    Guid TherapistId,
    int PainScore,
    IReadOnlyList<ContraindicationFinding> Findings,
    string Kind = "Initial") : IntegrationEvent; // "Initial" or "ReEvaluation"; only the initial one starts treatment

public sealed record TreatmentPlanActivated(
    Guid PlanId,
    int Version,
    Guid ReferralId,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    int SessionsPerWeek,
    int Weeks,
    int VisitCount,
    DateOnly CertificationDueBy) : IntegrationEvent;

public sealed record TreatmentPlanRevised(
    Guid PlanId,
    int Version,
    Guid ReferralId,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    int SessionsPerWeek,
    int Weeks,
    int VisitCount,
    DateOnly? CertificationDueBy = null) : IntegrationEvent; // the revised terms need certifying again by then (null from older senders)

public sealed record TreatmentPlanCertified(
    Guid PlanId,
    int Version,
    Guid ReferralId,
    string CertifiedBy,
    DateTimeOffset CertifiedAt,
    DateOnly RecertificationDueBy) : IntegrationEvent;

public sealed record TechniqueMinutes(string Technique, string CptCode, int Minutes);

public sealed record BillableUnits(string CptCode, int Units);

public sealed record ReEvaluationDue(Guid ReferralId, Guid TherapistId, int VisitsSinceEvaluation, DateOnly DueBy) : IntegrationEvent;

public sealed record ProgressReportIssued(Guid ReportId, Guid ReferralId, string DocumentUrl) : IntegrationEvent;

public sealed record DischargeSummaryIssued(Guid SummaryId, Guid ReferralId, string DocumentUrl, string Reason) : IntegrationEvent;

public sealed record AdverseEventReported(Guid NoteId, Guid ReferralId, Guid TherapistId, string Description) : IntegrationEvent;

public sealed record ClearanceRequested(Guid ReferralId, IReadOnlyList<ContraindicationFinding> Findings) : IntegrationEvent;

public sealed record UnsignedNotesFlagged(Guid TherapistId, IReadOnlyList<Guid> NoteIds) : IntegrationEvent;

/// <summary>
/// The physician's (re)certification of a plan of care falls due by <paramref name="DueBy"/>: announced once per plan and
/// due date, some days before. <paramref name="LastCertifiedAt"/> is null while this version was never certified.
/// </summary>
public sealed record PlanRecertificationDue(
    Guid PlanId,
    int Version,
    Guid ReferralId,
    Guid? LocationId,
    DateOnly DueBy,
    DateTimeOffset? LastCertifiedAt) : IntegrationEvent;

namespace MedMassage.StaffApp.Gateway;

// The clinical-notes service's forms and answers as the therapists' pages use them.

public sealed record RangeOfMotion(string Joint, string Motion, int Degrees);

public sealed record OutcomeAnswers(string Measure, IReadOnlyList<int?> Answers);

public sealed record ScreeningFinding(string Name, string Effect, string? BodyRegion);

public sealed record Goal(string Description, string Metric, decimal Target);

public sealed record EvaluationRequest(
    Guid ReferralId, Guid AppointmentId, string Kind, string History, int? PainScore, IReadOnlyList<RangeOfMotion> RangeOfMotion,
    OutcomeAnswers? OutcomeMeasure, IReadOnlyList<ScreeningFinding> Findings, string Assessment, IReadOnlyList<Goal> Goals);

public sealed record EvaluationResponse(Guid Id, Guid ReferralId, Guid AppointmentId, Guid TherapistId, string Kind, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset? SignedAt, string? SignedBy);

public sealed record TreatmentPlanRequest(Guid EvaluationId, IReadOnlyList<string> Techniques, IReadOnlyList<string> BodyRegions,
    int SessionsPerWeek, int Weeks, int VisitCount, IReadOnlyList<Goal> Goals);

public sealed record TreatmentPlanResponse(Guid Id, int Version, Guid ReferralId, Guid EvaluationId, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt, DateOnly? CertificationDueBy);

public sealed record AppliedTechnique(string Technique, string CptCode, int Minutes, IReadOnlyList<string> BodyRegions);

public sealed record VisitNoteRequest(Guid AppointmentId, string Subjective, string Objective, string Assessment, string Plan,
    IReadOnlyList<AppliedTechnique> Techniques, int? PainBefore, int? PainAfter, string? Tolerance, string? AdverseEvent);

public sealed record VisitNoteContent(string Subjective, string Objective, string Assessment, string Plan, IReadOnlyList<AppliedTechnique> Techniques,
    int? PainBefore, int? PainAfter, string? Tolerance, string? AdverseEvent);

public sealed record BillableUnits(string CptCode, int Units);

public sealed record AddendumView(Guid Id, string Author, DateTimeOffset WrittenAt, string Reason, string Text);

public sealed record VisitNoteResponse(Guid Id, Guid ReferralId, Guid AppointmentId, Guid TherapistId, Guid PlanId, int PlanVersion,
    VisitNoteContent Content, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SignedAt, string? SignedBy, int? VisitNumber,
    IReadOnlyList<BillableUnits> Units, bool OverdueForSignature, IReadOnlyList<AddendumView> Addenda);

public sealed record UnsignedNote(Guid Id, Guid ReferralId, Guid AppointmentId, Guid TherapistId, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record SignRequest(string? OnBehalfReason);

public sealed record AddendumRequest(string Reason, string Text);

public sealed record TimedService(string CptCode, int Minutes);

public sealed record UnitsPreview(int TotalMinutes, int TotalUnits, IReadOnlyList<BillableUnits> Units);

public sealed record ScorePreview(string Measure, decimal Score, bool HigherIsBetter);

namespace MedMassage.StaffApp.Gateway;

// The referral service's answers as the pages read them (the service owns their meaning: services/referral/README.md).

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record VisitCounts(int Authorized, int Used, int Remaining);

public sealed record ReferralSummary(
    Guid Id, string Reference, string Status, string Priority, Guid? LocationId, DateTimeOffset ReceivedAt, string PatientName,
    string PhysicianName, string PhysicianNpi, IReadOnlyList<string> DiagnosisCodes, VisitCounts Visits, DateOnly ValidUntil, bool PossibleDuplicate);

public sealed record PatientInfo(string FirstName, string LastName, DateOnly DateOfBirth, string Sex, string? Phone, string? Email, string PreferredChannel, string Language)
{
    public string Name => $"{FirstName} {LastName}".Trim();
}

public sealed record PhysicianInfo(string Name, string Npi, string? Organization, string? Phone, string? Fax, string? Email);

public sealed record DiagnosisView(string Code, string? Description);

public sealed record ClearanceNeeded(string Subject, string Kind, string? BodyRegion);

/// <summary>A clearance on file; <c>Technique</c> names what was cleared (a technique or, by <c>Kind</c>, a finding).</summary>
public sealed record ClearanceView(string Technique, string ClearedBy, DateTimeOffset ClearedAt, string? DocumentReference, string RecordedBy, string Kind);

public sealed record PrecautionView(string Name, string Effect, string? BodyRegion);

public sealed record EvaluationState(string Status, Guid? EvaluationId, DateTimeOffset? CompletedAt);

public sealed record PlanState(string Status, Guid? PlanId, int? Version, DateOnly? CertificationDueBy);

public sealed record HistoryView(DateTimeOffset At, string ActorId, string ActorName, string Action, string Detail);

public sealed record ReferralDetails(
    Guid Id, string Reference, string Status, string? StatusReason, string Priority, Guid? LocationId, DateTimeOffset ReceivedAt,
    Guid? PossibleDuplicateOf, PatientInfo Patient, PhysicianInfo Physician, IReadOnlyList<DiagnosisView> Diagnoses,
    IReadOnlyList<string> Techniques, IReadOnlyList<string> BodyRegions, IReadOnlyList<ClearanceNeeded> AwaitingClearance,
    int SessionsPerWeek, int Weeks, VisitCounts Visits, DateOnly ValidFrom, DateOnly ValidUntil, IReadOnlyList<PrecautionView> Precautions,
    IReadOnlyList<ClearanceView> Clearances, string? Notes, EvaluationState Evaluation, PlanState Plan, IReadOnlyList<HistoryView> History)
{
    public bool IsOpen => Status is "accepted" or "in-treatment" or "on-hold" or "awaiting-clearance" or "received";
}

public sealed record ReasonRequest(string Reason);

public sealed record ClearanceRequest(string? Technique, string ClearedBy, DateTimeOffset ClearedAt, string? DocumentReference, string? Finding);

public sealed record PatientReferral(Guid Id, string Reference, string Status, Guid? LocationId);

public sealed record PatientMatch(string FirstName, string LastName, DateOnly DateOfBirth, string? Phone, IReadOnlyList<PatientReferral> Referrals)
{
    public string Name => $"{FirstName} {LastName}";
}

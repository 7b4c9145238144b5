namespace MedMassage.Contracts.Referrals;

public sealed record ReferralReceived(
    Guid ReferralId,
    Guid? LocationId,
    PatientContact Patient,
    PhysicianContact Physician,
    IReadOnlyList<string> DiagnosisCodes,
    string Priority,
    bool PossibleDuplicate) : IntegrationEvent;

public sealed record ReferralAccepted(
    Guid ReferralId,
    Guid? LocationId,
    PatientContact Patient,
    PhysicianContact Physician,
    IReadOnlyList<string> DiagnosisCodes,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    IReadOnlyList<string> TechniquesAwaitingClearance,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    VisitCounts Visits) : IntegrationEvent;

public sealed record ReferralRejected(
    Guid ReferralId,
    Guid? LocationId,
    PatientContact Patient,
    PhysicianContact Physician,
    string Reason) : IntegrationEvent;

public sealed record ReferralPutOnHold(Guid ReferralId, Guid? LocationId, string Reason) : IntegrationEvent;

public sealed record ReferralResumed(Guid ReferralId, Guid? LocationId) : IntegrationEvent;

public sealed record ReferralClearanceRecorded(
    Guid ReferralId,
    Guid? LocationId,
    string Technique,
    string ClearedBy,
    DateTimeOffset ClearedAt,
    string? DocumentReference,
    IReadOnlyList<string> TechniquesAwaitingClearance) : IntegrationEvent;

public sealed record ReferralCancelled(Guid ReferralId, Guid? LocationId, string Reason) : IntegrationEvent;

public sealed record ReferralExpired(Guid ReferralId, Guid? LocationId, DateOnly ValidUntil, VisitCounts Visits) : IntegrationEvent;

public sealed record ReferralVisitsExhausted(Guid ReferralId, Guid? LocationId, VisitCounts Visits) : IntegrationEvent;

public sealed record ReferralCompleted(Guid ReferralId, Guid? LocationId, VisitCounts Visits) : IntegrationEvent;

/// <summary>Raised whenever the visit accounting changes, so staff can be told when authorization runs low.</summary>
public sealed record ReferralVisitsCounted(
    Guid ReferralId,
    Guid? LocationId,
    VisitCounts Visits,
    DateOnly ValidUntil) : IntegrationEvent;

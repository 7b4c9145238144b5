namespace MedMassage.Contracts.Referrals;

public sealed record ReferralReceived(
    Guid ReferralId,
    Guid? LocationId,
    PatientContact Patient,
    PhysicianContact Physician,
    IReadOnlyList<string> DiagnosisCodes,
    string Priority,
    bool PossibleDuplicate,
    string? Reference = null) : IntegrationEvent;

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
    VisitCounts Visits,
    string? Reference = null) : IntegrationEvent;

public sealed record ReferralRejected(
    Guid ReferralId,
    Guid? LocationId,
    PatientContact Patient,
    PhysicianContact Physician,
    string Reason,
    string? Reference = null) : IntegrationEvent;

/// <summary>
/// The referral's authorization is running out: few visits left, or its end date is close by the location's calendar.
/// Raised once per referral and reason, by the visit that used it up or by the daily sweep, so staff can ask for more.
/// </summary>
public sealed record ReferralAuthorizationRunningOut(
    Guid ReferralId,
    Guid? LocationId,
    string Reference,
    string Reason,
    VisitCounts Visits,
    DateOnly ValidUntil) : IntegrationEvent
{
    public const string FewVisits = "few-visits";
    public const string ExpiresSoon = "expires-soon";
}

/// <summary>
/// The referral as its owner holds it after a change, published with every change. <see cref="Version"/> only grows,
/// so a copy kept by another service applies a state only when it is newer than its own and ends equal to the owner
/// whatever order, duplicates or delays the broker delivers.
/// </summary>
public sealed record ReferralState(
    Guid ReferralId,
    long Version,
    string Reference,
    string Status,
    string? StatusReason,
    Guid? LocationId,
    PatientContact Patient,
    PhysicianContact Physician,
    IReadOnlyList<string> DiagnosisCodes,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    IReadOnlyList<ClearanceNeeded> AwaitingClearance,
    IReadOnlyList<string> Cleared,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    VisitCounts Visits,
    bool EvaluationCompleted,
    DateTimeOffset? LastResumedAt,
    string? SubmitterClientId)
{
    /// <summary>The version a copy holds before it has taken any state.</summary>
    public const long NoneYet = -1;

    /// <summary>The one rule every copy applies: take a state only when it is newer than the one held.</summary>
    public bool IsNewerThan(long heldVersion) => Version > heldVersion;
}

/// <summary>Something the physician must clear before it is treated: a requested technique, or an evaluation finding.</summary>
public sealed record ClearanceNeeded(string Subject, string Kind, string? BodyRegion)
{
    public const string Technique = "technique";
    public const string Finding = "finding";
}

/// <summary>The referral changed; carries its whole new state. Projections of a referral consume only this.</summary>
public sealed record ReferralChanged(ReferralState Referral) : IntegrationEvent;

/// <summary>The names a referral's status has everywhere: on every API, in every copy, in every event.</summary>
public static class ReferralStatuses
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string OnHold = "on-hold";
    public const string InTreatment = "in-treatment";
    public const string Completed = "completed";
    public const string Expired = "expired";
    public const string Exhausted = "exhausted";
    public const string Cancelled = "cancelled";

    /// <summary>Open referrals can still change; the others are closed for good.</summary>
    public static bool IsOpen(string status) => status is Received or Accepted or OnHold or InTreatment;

    /// <summary>Care may be booked and given: accepted, before or after the evaluation.</summary>
    public static bool AllowsCare(string status) => status is Accepted or InTreatment;
}

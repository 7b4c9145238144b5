using MedMassage.Contracts;

namespace MedMassage.Scheduling.Api.Domain.Referrals;

public enum ReferralStatus { Active, OnHold, Cancelled, Expired, Exhausted, Completed }

/// <summary>
/// What scheduling knows of a referral, kept from the referral and clinical-notes services' events: enough
/// to decide what may be booked for it without asking them.
/// </summary>
public sealed partial class Referral
{
    private Referral() { }

    public Guid Id { get; private set; }
    public Guid? LocationId { get; private set; }
    public PatientContact Patient { get; private set; } = null!;
    public ReferralStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public List<string> Techniques { get; private set; } = [];
    public List<string> TechniquesAwaitingClearance { get; private set; } = [];
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public int VisitsAuthorized { get; private set; }
    public int VisitsUsed { get; private set; }
    public int VisitsRemaining { get; private set; }
    public bool EvaluationCompleted { get; private set; }
    public Guid? PlanId { get; private set; }
    public int PlanVersion { get; private set; }
    public List<string> PlanTechniques { get; private set; } = [];
    public int PlanSessionsPerWeek { get; private set; }
    public int PlanWeeks { get; private set; }

    public bool HasActivePlan => PlanId is not null;

    /// <summary>What the care covers: the active plan's techniques, otherwise what the physician asked for.</summary>
    public IReadOnlyList<string> TechniquesForCare => HasActivePlan && PlanTechniques.Count > 0 ? PlanTechniques : Techniques;

    public static Referral Accept(
        Guid id, Guid? locationId, PatientContact patient, IEnumerable<string> techniques, IEnumerable<string> awaitingClearance,
        DateOnly validFrom, DateOnly validUntil, VisitCounts visits) => new()
        {
            Id = id,
            LocationId = locationId,
            Patient = patient,
            Status = ReferralStatus.Active,
            Techniques = [.. techniques],
            TechniquesAwaitingClearance = [.. awaitingClearance],
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            VisitsAuthorized = visits.Authorized,
            VisitsUsed = visits.Used,
            VisitsRemaining = visits.Remaining,
        };

    public void PutOnHold(string reason) => SetStatus(ReferralStatus.OnHold, reason);

    public void Resume()
    {
        if (Status == ReferralStatus.OnHold)
        {
            SetStatus(ReferralStatus.Active, null);
        }
    }

    public void Cancel(string reason) => SetStatus(ReferralStatus.Cancelled, reason);

    public void Expire() => SetStatus(ReferralStatus.Expired, "The referral has expired.");

    public void Exhaust(VisitCounts visits)
    {
        CountVisits(visits, ValidUntil);
        SetStatus(ReferralStatus.Exhausted, "All authorized visits are used.");
    }

    public void Complete(VisitCounts visits)
    {
        CountVisits(visits, ValidUntil);
        SetStatus(ReferralStatus.Completed, "The referral is completed.");
    }

    public void RecordClearance(IEnumerable<string> stillAwaiting) => TechniquesAwaitingClearance = [.. stillAwaiting];

    public void CountVisits(VisitCounts visits, DateOnly validUntil)
    {
        VisitsAuthorized = visits.Authorized;
        VisitsUsed = visits.Used;
        VisitsRemaining = visits.Remaining;
        ValidUntil = validUntil;
    }

    public void CompleteEvaluation() => EvaluationCompleted = true;

    private void SetStatus(ReferralStatus status, string? reason)
    {
        Status = status;
        StatusReason = reason;
    }
}

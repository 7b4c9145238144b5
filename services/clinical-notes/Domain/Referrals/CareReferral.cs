using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.Contracts.Referrals;

namespace MedMassage.ClinicalNotes.Api.Domain.Referrals;

/// <summary>
/// A referral as clinical documentation sees it: the referral service's latest state (applied only when newer, so rules
/// never depend on a remote call and the copy ends equal to the owner) plus the clinical state that gates treatment.
/// </summary>
public sealed class CareReferral : ReferralCopy
{
    private CareReferral() { }

    public string Reference { get; private set; } = "";
    public Guid PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public string PhysicianName { get; private set; } = "";
    public string PhysicianNpi { get; private set; } = "";
    public string? PhysicianEmail { get; private set; }
    public List<string> DiagnosisCodes { get; private set; } = [];
    public List<string> Techniques { get; private set; } = [];
    public List<string> BodyRegions { get; private set; } = [];
    public List<string> TechniquesAwaitingClearance { get; private set; } = [];
    public DateOnly ValidUntil { get; private set; }
    public int AuthorizedVisits { get; private set; }
    /// <summary>The owner's status name ("accepted", "in-treatment", "on-hold", ...).</summary>
    public string Status { get; private set; } = "";
    public string? StatusReason { get; private set; }

    /// <summary>Set when a signed evaluation found something that blocks all treatment; cleared when the referral resumes.</summary>
    public DateTimeOffset? TreatmentBlockedAt { get; private set; }

    /// <summary>Findings of this service's evaluations that asked for the physician's clearance (by finding name).</summary>
    public List<string> ClearancesRequested { get; private set; } = [];

    /// <summary>What the physician has cleared, as the referral service (which owns clearances) recorded it.</summary>
    public List<string> Cleared { get; private set; } = [];

    /// <summary>Findings still waiting for the physician's clearance.</summary>
    public IReadOnlyList<string> PendingClearances => [.. ClearancesRequested.Where(f => !Cleared.ContainsText(f))];

    public DateTimeOffset? DischargedAt { get; private set; }
    public string? DischargeReason { get; private set; }

    public Guid? LatestEvaluationId { get; private set; }
    public DateTimeOffset? LatestEvaluationAt { get; private set; }
    public int SignedVisits { get; private set; }
    public int VisitsSinceEvaluation { get; private set; }
    public bool ReEvaluationDueNotified { get; private set; }

    public bool IsOpenForCare => ReferralStatuses.AllowsCare(Status) && DischargedAt is null;

    public static CareReferral From(ReferralState state)
    {
        var referral = new CareReferral { Id = state.ReferralId };
        referral.Apply(state);
        return referral;
    }

    /// <summary>A resume after a signed evaluation blocked treatment means the physician cleared what blocked it.</summary>
    protected override void Take(ReferralState state)
    {
        Reference = state.Reference;
        PatientId = state.Patient.PatientId;
        PatientName = state.Patient.FullName;
        PhysicianName = state.Physician.FullName;
        PhysicianNpi = state.Physician.Npi;
        PhysicianEmail = state.Physician.Email;
        DiagnosisCodes = Text.Clean(state.DiagnosisCodes);
        Techniques = Text.Clean(state.Techniques);
        BodyRegions = Text.Clean(state.BodyRegions);
        TechniquesAwaitingClearance = Text.Clean(state.AwaitingClearance.Where(a => a.Kind == ClearanceNeeded.Technique).Select(a => a.Subject));
        Cleared = Text.Clean(state.Cleared);
        ValidUntil = state.ValidUntil;
        AuthorizedVisits = state.Visits.Authorized;
        Status = state.Status;
        StatusReason = state.StatusReason;
        if (TreatmentBlockedAt is { } blockedAt && state.LastResumedAt > blockedAt)
        {
            TreatmentBlockedAt = null;
        }
    }

    public void BlockTreatment(DateTimeOffset at) => TreatmentBlockedAt ??= at;

    public void AwaitClearance(IEnumerable<string> findings) =>
        ClearancesRequested = Text.Clean([.. ClearancesRequested, .. findings]);

    /// <summary>A signed evaluation restarts the re-evaluation cycle.</summary>
    public void RecordEvaluation(Guid evaluationId, DateTimeOffset signedAt)
    {
        LatestEvaluationId = evaluationId;
        LatestEvaluationAt = signedAt;
        VisitsSinceEvaluation = 0;
        ReEvaluationDueNotified = false;
    }

    /// <summary>Counts a signed visit and returns its visit number.</summary>
    public int RecordSignedVisit()
    {
        SignedVisits++;
        VisitsSinceEvaluation++;
        return SignedVisits;
    }

    /// <summary>True the first time in a cycle the re-evaluation becomes due, so it is announced once.</summary>
    public bool TryMarkReEvaluationDue(DateTimeOffset now)
    {
        if (ReEvaluationDueNotified || LatestEvaluationAt is null || !IsOpenForCare
            || !ReEvaluationSchedule.IsDue(VisitsSinceEvaluation, LatestEvaluationAt.Value, now))
        {
            return false;
        }
        ReEvaluationDueNotified = true;
        return true;
    }

    public void Discharge(string reason, DateTimeOffset at)
    {
        if (DischargedAt is not null)
        {
            throw new RuleViolation("discharged", "The patient is already discharged from this referral.");
        }
        DischargedAt = at;
        DischargeReason = reason;
    }
}

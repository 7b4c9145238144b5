using MedMassage.ClinicalNotes.Api.Domain.Common;

namespace MedMassage.ClinicalNotes.Api.Domain.Referrals;

public enum ReferralStatus
{
    Accepted,
    OnHold,
    Cancelled,
    Expired,
    Exhausted,
    Completed,
}

/// <summary>
/// A referral as clinical documentation sees it: the prescription (kept locally from the referral service's events,
/// so rules never depend on a remote call) plus the clinical state that gates treatment.
/// </summary>
public sealed class CareReferral
{
    private CareReferral() { }

    public Guid Id { get; private set; }
    public Guid? LocationId { get; private set; }
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
    public ReferralStatus Status { get; private set; }
    public string? StatusReason { get; private set; }

    /// <summary>Set when a signed evaluation found something that blocks all treatment; cleared when the referral resumes.</summary>
    public DateTimeOffset? TreatmentBlockedAt { get; private set; }

    /// <summary>Findings waiting for the physician's clearance (by finding name).</summary>
    public List<string> PendingClearances { get; private set; } = [];

    public DateTimeOffset? DischargedAt { get; private set; }
    public string? DischargeReason { get; private set; }

    public Guid? LatestEvaluationId { get; private set; }
    public DateTimeOffset? LatestEvaluationAt { get; private set; }
    public int SignedVisits { get; private set; }
    public int VisitsSinceEvaluation { get; private set; }
    public bool ReEvaluationDueNotified { get; private set; }

    public bool IsOpenForCare => Status is ReferralStatus.Accepted && DischargedAt is null;

    public static CareReferral Accept(
        Guid id, Guid? locationId, Guid patientId, string patientName, string physicianName, string physicianNpi, string? physicianEmail,
        IEnumerable<string> diagnosisCodes, IEnumerable<string> techniques, IEnumerable<string> bodyRegions,
        IEnumerable<string> awaitingClearance, DateOnly validUntil, int authorizedVisits) => new()
    {
        Id = id,
        LocationId = locationId,
        PatientId = patientId,
        PatientName = patientName,
        PhysicianName = physicianName,
        PhysicianNpi = physicianNpi,
        PhysicianEmail = physicianEmail,
        DiagnosisCodes = Text.Clean(diagnosisCodes),
        Techniques = Text.Clean(techniques),
        BodyRegions = Text.Clean(bodyRegions),
        TechniquesAwaitingClearance = Text.Clean(awaitingClearance),
        ValidUntil = validUntil,
        AuthorizedVisits = authorizedVisits,
        Status = ReferralStatus.Accepted,
    };

    /// <summary>The referral service's list is authoritative; a clearance also settles a finding of that name.</summary>
    public void RecordClearance(string cleared, IEnumerable<string> stillAwaiting)
    {
        TechniquesAwaitingClearance = Text.Clean(stillAwaiting);
        PendingClearances.RemoveAll(f => f.SameAs(cleared));
    }

    public void PutOnHold(string reason) => ChangeStatus(ReferralStatus.OnHold, reason);

    /// <summary>Resuming after a hold means the physician cleared what blocked treatment.</summary>
    public void Resume()
    {
        ChangeStatus(ReferralStatus.Accepted, null);
        TreatmentBlockedAt = null;
    }

    public void Close(ReferralStatus status, string? reason) => ChangeStatus(status, reason);

    public void BlockTreatment(DateTimeOffset at) => TreatmentBlockedAt ??= at;

    public void AwaitClearance(IEnumerable<string> findings) =>
        PendingClearances = Text.Clean([.. PendingClearances, .. findings]);

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
            throw new ClinicalRuleViolation("The patient is already discharged from this referral.");
        }
        DischargedAt = at;
        DischargeReason = reason;
    }

    private void ChangeStatus(ReferralStatus status, string? reason)
    {
        Status = status;
        StatusReason = reason;
    }
}

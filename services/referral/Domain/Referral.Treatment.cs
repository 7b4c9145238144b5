using MedMassage.Contracts;

namespace MedMassage.Referral.Api.Domain;

// What clinical and scheduling work reports back: evaluation, plan, discharge, and the visits used.
public sealed partial class Referral
{
    public int AuthorizedVisits { get; private set; }
    public int VisitsUsed { get; private set; }
    public List<VisitRecord> VisitRecords { get; private set; } = [];

    public Guid? EvaluationId { get; private set; }
    public DateTimeOffset? EvaluatedAt { get; private set; }
    public Guid? PlanId { get; private set; }
    public int? PlanVersion { get; private set; }
    public string? PlanStatus { get; private set; }
    public DateOnly? PlanCertificationDueBy { get; private set; }

    public VisitCounts Visits => new(AuthorizedVisits, VisitsUsed, Math.Max(0, AuthorizedVisits - VisitsUsed));

    /// <summary>
    /// The first evaluation starts treatment. A finding that blocks all treatment puts the referral on hold; it resumes
    /// into treatment once staff clear it. Returns false when the referral is not in a state evaluations apply to.
    /// </summary>
    public bool RecordEvaluation(Guid evaluationId, IReadOnlyList<ContraindicationFinding> findings, Actor actor, DateTimeOffset now)
    {
        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InTreatment or ReferralStatus.OnHold))
        {
            return false;
        }
        EvaluationId = evaluationId;
        EvaluatedAt = now;
        RequestClearances(evaluationId, findings, now);
        if (Status == ReferralStatus.Accepted)
        {
            MoveTo(ReferralStatus.InTreatment, null, actor, now, "evaluation-completed");
        }
        else
        {
            Record(actor, now, "evaluation-completed", $"evaluation {evaluationId}");
            if (Status == ReferralStatus.OnHold)
            {
                HeldFrom = ReferralStatus.InTreatment;
            }
        }

        if (Status != ReferralStatus.OnHold && findings.FirstOrDefault(f => f.Effect == ContraindicationEffect.BlocksAllTreatment) is { } blocking)
        {
            PutOnHold($"evaluation found '{blocking.Name}', which blocks all treatment", actor, now);
        }
        return true;
    }

    public bool RecordPlan(Guid planId, int version, string planStatus, DateOnly? certificationDueBy, Actor actor, DateTimeOffset now)
    {
        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InTreatment or ReferralStatus.OnHold)
            || (PlanId == planId && PlanVersion > version))
        {
            return false; // closed, or an older version arriving late
        }
        PlanId = planId;
        PlanVersion = version;
        PlanStatus = planStatus;
        PlanCertificationDueBy = certificationDueBy ?? PlanCertificationDueBy;
        Record(actor, now, $"plan-{planStatus}", $"treatment plan {planId} version {version} {planStatus}");
        return true;
    }

    /// <summary>Discharge ends the referral's course of treatment.</summary>
    public void Complete(string reason, Actor actor, DateTimeOffset now)
    {
        RequireStatus("completed", ReferralStatus.InTreatment, ReferralStatus.OnHold);
        HeldFrom = null;
        MoveTo(ReferralStatus.Completed, reason, actor, now, "completed");
    }

    /// <summary>
    /// Applies one appointment's outcome to the visit accounting, once per appointment. Whether it uses a visit is the
    /// payer's policy; when few visits are left staff are alerted, and when the last is used the referral is exhausted.
    /// Returns false for a repeat. <paramref name="today"/> is the date at the appointment's location.
    /// </summary>
    public bool RecordVisit(Guid appointmentId, VisitOutcome outcome, VisitCountingPolicy policy, DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (VisitRecords.Any(v => v.AppointmentId == appointmentId))
        {
            return false;
        }
        var counted = policy.Counts(outcome);
        VisitRecords = [.. VisitRecords, new VisitRecord(appointmentId, outcome, counted, now)];
        if (!counted)
        {
            Record(actor, now, "visit-not-counted", $"{outcome} of appointment {appointmentId} does not count for this payer");
            return true;
        }

        VisitsUsed++;
        Record(actor, now, "visit-counted", $"{outcome} of appointment {appointmentId}: {VisitsUsed} of {AuthorizedVisits} used");
        WatchAuthorization(today, actor, now);
        if (VisitsUsed >= AuthorizedVisits && Status is ReferralStatus.Accepted or ReferralStatus.InTreatment or ReferralStatus.OnHold)
        {
            HeldFrom = null;
            MoveTo(ReferralStatus.Exhausted, $"all {AuthorizedVisits} authorized visits used", actor, now, "exhausted");
        }
        return true;
    }
}

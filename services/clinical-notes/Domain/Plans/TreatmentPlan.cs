using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;

namespace MedMassage.ClinicalNotes.Api.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Active,
    Superseded,
}

/// <summary>
/// One version of a referral's plan of care. A revision is a new version with the same plan id; the old version
/// is kept, superseded.
/// </summary>
public sealed class TreatmentPlan
{
    private TreatmentPlan() { }

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid EvaluationId { get; private set; }
    public PlanTerms Terms { get; private set; } = null!;
    public PlanStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateOnly? CertificationDueBy { get; private set; }
    public List<Certification> Certifications { get; private set; } = [];
    public string? RevisionReason { get; private set; }

    public Certification? LatestCertification => Certifications.Count == 0 ? null : Certifications[^1];

    /// <summary>
    /// The date by which the physician must (re)certify this version: the latest certification's recertification date,
    /// else the initial deadline; none unless the plan is active.
    /// </summary>
    public DateOnly? CertificationDeadline => Status != PlanStatus.Active ? null : LatestCertification?.RecertificationDueBy ?? CertificationDueBy;

    /// <summary>Which of a referral's plan versions stands for its care: the active one, else the newest.</summary>
    public static TreatmentPlan? CurrentOf(IEnumerable<TreatmentPlan> versions)
    {
        var all = versions.ToList();
        return all.FirstOrDefault(p => p.Status == PlanStatus.Active) ?? all.MaxBy(p => p.CreatedAt);
    }

    public static TreatmentPlan Draft(Evaluation initialEvaluation, PlanTerms terms, string author, DateTimeOffset now)
    {
        if (initialEvaluation.Kind != EvaluationKind.Initial || !initialEvaluation.IsSigned)
        {
            throw new RuleViolation("initial-evaluation-missing", "A treatment plan is set from a signed initial evaluation.");
        }
        return new TreatmentPlan
        {
            Id = Guid.CreateVersion7(now),
            Version = 1,
            ReferralId = initialEvaluation.ReferralId,
            EvaluationId = initialEvaluation.Id,
            Terms = terms,
            Status = PlanStatus.Draft,
            CreatedAt = now,
            CreatedBy = author,
        };
    }

    public void Activate(DateTimeOffset now)
    {
        if (Status != PlanStatus.Draft)
        {
            throw new RuleViolation("plan-status", $"Only a draft plan can be activated; this one is {Status.ToString().ToLowerInvariant()}.");
        }
        Status = PlanStatus.Active;
        ActivatedAt = now;
        CertificationDueBy = CertificationRules.CertificationDueBy(now);
    }

    /// <summary>Records the physician's (re)certification; each one is kept.</summary>
    public Certification Certify(string certifiedBy, DateTimeOffset certifiedAt, DateTimeOffset now)
    {
        new FieldErrors()
            .When(string.IsNullOrWhiteSpace(certifiedBy), "certifiedBy", "Who certified the plan is required.")
            .When(certifiedAt > now, "certifiedAt", "A certification cannot be dated in the future.")
            .When(ActivatedAt is { } a && certifiedAt < a.AddDays(-1), "certifiedAt", "The certification predates the plan.")
            .ThrowIfAny();
        if (Status != PlanStatus.Active)
        {
            throw new RuleViolation("plan-status", $"Only the active plan is certified; this one is {Status.ToString().ToLowerInvariant()}.");
        }
        var certification = new Certification(certifiedBy.Trim(), certifiedAt, CertificationRules.RecertificationDueBy(certifiedAt));
        Certifications = [.. Certifications, certification];
        return certification;
    }

    /// <summary>Replaces this version by a new active one; the new terms need the physician's certification again.</summary>
    public TreatmentPlan Revise(PlanTerms terms, string reason, string author, DateTimeOffset now)
    {
        new FieldErrors().When(string.IsNullOrWhiteSpace(reason), "reason", "A revision gives its reason.").ThrowIfAny();
        if (Status != PlanStatus.Active)
        {
            throw new RuleViolation("plan-status", "Only the active plan can be revised.");
        }
        Status = PlanStatus.Superseded;
        return new TreatmentPlan
        {
            Id = Id,
            Version = Version + 1,
            ReferralId = ReferralId,
            EvaluationId = EvaluationId,
            Terms = terms,
            Status = PlanStatus.Active,
            CreatedAt = now,
            CreatedBy = author,
            ActivatedAt = now,
            CertificationDueBy = CertificationRules.CertificationDueBy(now),
            RevisionReason = reason.Trim(),
        };
    }

    /// <summary>Why this plan cannot govern a visit on <paramref name="day"/>, or null when it can.</summary>
    public string? WhyNotUsableOn(DateOnly day)
    {
        if (Status != PlanStatus.Active)
        {
            return "The treatment plan is not active.";
        }
        if (LatestCertification is { } c)
        {
            return day > c.RecertificationDueBy ? $"The plan's recertification was due by {c.RecertificationDueBy:yyyy-MM-dd}." : null;
        }
        return day > CertificationDueBy ? $"The plan was not certified by the physician by {CertificationDueBy:yyyy-MM-dd}." : null;
    }
}

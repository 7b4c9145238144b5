using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts;

namespace MedMassage.ClinicalNotes.Api.Domain.Evaluations;

public enum EvaluationKind
{
    Initial,
    ReEvaluation,
}

/// <summary>An initial evaluation or a re-evaluation. Once signed it never changes (the database enforces it too).</summary>
public sealed class Evaluation
{
    private Evaluation() { }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid AppointmentId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid TherapistId { get; private set; }
    public EvaluationKind Kind { get; private set; }
    public EvaluationContent Content { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }

    public bool IsSigned => SignedAt is not null;

    /// <summary>
    /// Starts an evaluation for an appointment of the referral. An initial evaluation needs an evaluation appointment
    /// and is written once per referral; a re-evaluation needs the signed initial one.
    /// </summary>
    public static Evaluation Write(CareReferral referral, ClinicAppointment appointment, EvaluationKind kind,
        EvaluationContent content, Evaluation? signedInitial, Authorship author, DateTimeOffset now)
    {
        author.EnsureCovers(appointment.Id);
        if (appointment.ReferralId != referral.Id)
        {
            throw new RuleViolation("appointment-of-another-referral", "The appointment belongs to another referral.");
        }
        if (!referral.IsOpenForCare)
        {
            throw new RuleViolation("referral-status", $"The referral is {referral.Status}{(referral.DischargedAt is null ? "" : " and discharged")}; no evaluation can be documented.");
        }
        if (!appointment.CanBeDocumented)
        {
            throw new RuleViolation("appointment-status", $"The appointment is {appointment.Status.ToString().ToLowerInvariant()}.");
        }
        if (kind == EvaluationKind.Initial && appointment.Kind != AppointmentKind.Evaluation)
        {
            throw new RuleViolation("evaluation-appointment", "An initial evaluation is written for an evaluation appointment.");
        }
        if (kind == EvaluationKind.Initial && signedInitial is not null)
        {
            throw new RuleViolation("initial-evaluation-exists", "The referral already has a signed initial evaluation; write a re-evaluation.");
        }
        if (kind == EvaluationKind.ReEvaluation && signedInitial is null)
        {
            throw new RuleViolation("initial-evaluation-missing", "A re-evaluation needs a signed initial evaluation.");
        }
        return new Evaluation
        {
            Id = Guid.CreateVersion7(now),
            ReferralId = referral.Id,
            AppointmentId = appointment.Id,
            PatientId = referral.PatientId,
            TherapistId = appointment.TherapistId,
            Kind = kind,
            Content = content,
            CreatedAt = now,
            CreatedBy = author.UserId,
        };
    }

    public void Revise(EvaluationContent content, Authorship author)
    {
        author.EnsureCovers(AppointmentId);
        EnsureUnsigned();
        Content = content;
    }

    /// <summary>
    /// Signs the evaluation and applies its screening to the referral: a blocking finding stops all treatment,
    /// findings needing clearance wait for the physician.
    /// </summary>
    public void Sign(CareReferral referral, Authorship by, DateTimeOffset now)
    {
        by.EnsureCovers(AppointmentId);
        EnsureUnsigned();
        SignedAt = now;
        SignedBy = by.UserId;
        if (BlocksAllTreatment)
        {
            referral.BlockTreatment(now);
        }
        referral.AwaitClearance(FindingsNeedingClearance.Select(f => f.Name));
        referral.RecordEvaluation(Id, now);
    }

    public bool BlocksAllTreatment => Content.Findings.Any(f => f.Effect == ContraindicationEffect.BlocksAllTreatment);

    public IEnumerable<ScreeningFinding> FindingsNeedingClearance =>
        Content.Findings.Where(f => f.Effect == ContraindicationEffect.NeedsPhysicianClearance);

    private void EnsureUnsigned()
    {
        if (IsSigned)
        {
            throw new RuleViolation("signed", "A signed evaluation cannot be changed.");
        }
    }
}

using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;

namespace MedMassage.ClinicalNotes.Api.Domain.Documents;

/// <summary>The signed record of a referral's care: what reports are built from. Unsigned drafts never enter it.</summary>
public sealed record CourseOfCare(
    CareReferral Referral,
    IReadOnlyList<Evaluation> Evaluations,
    TreatmentPlan? Plan,
    IReadOnlyList<VisitNote> Notes)
{
    public static CourseOfCare Signed(CareReferral referral, IEnumerable<Evaluation> evaluations, TreatmentPlan? plan, IEnumerable<VisitNote> notes) =>
        new(referral,
            [.. evaluations.Where(e => e.IsSigned).OrderBy(e => e.SignedAt)],
            plan,
            [.. notes.Where(n => n.IsSigned).OrderBy(n => n.VisitNumber)]);

    public IReadOnlyList<Goal> Goals => Plan?.Terms.Goals ?? Evaluations.FirstOrDefault(e => e.Kind == EvaluationKind.Initial)?.Content.Goals ?? [];

    public IReadOnlyList<MetricTrend> Trends => OutcomeTrend.For(Evaluations, Notes, Goals);

    public void EnsureDocumentable()
    {
        if (!Evaluations.Any(e => e.Kind == EvaluationKind.Initial))
        {
            throw new RuleViolation("initial-evaluation-missing", "A report needs a signed initial evaluation.");
        }
    }
}

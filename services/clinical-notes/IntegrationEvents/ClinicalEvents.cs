using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;

namespace MedMassage.ClinicalNotes.Api.IntegrationEvents;

/// <summary>How the clinical records are told to the other services.</summary>
internal static class ClinicalEvents
{
    public static EvaluationCompleted Completed(Evaluation e) =>
        new(e.Id, e.ReferralId, e.AppointmentId, e.TherapistId, e.Content.PainScore, Findings(e.Content.Findings), e.Kind.ToString());

    public static ClearanceRequested ClearanceRequested(Evaluation e) =>
        new(e.ReferralId, Findings(e.FindingsNeedingClearance));

    public static TreatmentPlanActivated Activated(TreatmentPlan p) =>
        new(p.Id, p.Version, p.ReferralId, p.Terms.Techniques, p.Terms.BodyRegions, p.Terms.SessionsPerWeek, p.Terms.Weeks, p.Terms.VisitCount, p.CertificationDueBy!.Value);

    public static TreatmentPlanRevised Revised(TreatmentPlan p) =>
        new(p.Id, p.Version, p.ReferralId, p.Terms.Techniques, p.Terms.BodyRegions, p.Terms.SessionsPerWeek, p.Terms.Weeks, p.Terms.VisitCount, p.CertificationDueBy);

    public static TreatmentPlanCertified Certified(TreatmentPlan p, Certification c) =>
        new(p.Id, p.Version, p.ReferralId, c.CertifiedBy, c.CertifiedAt, c.RecertificationDueBy);


    private static List<ContraindicationFinding> Findings(IEnumerable<ScreeningFinding> findings) =>
        [.. findings.Select(f => new ContraindicationFinding(f.Name, f.Effect, f.BodyRegion))];
}

using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class TreatmentGateTests
{
    private static readonly DateOnly VisitDay = DateOnly.FromDateTime(Clinic.Monday.UtcDateTime).AddDays(3);

    private static string Refusal(CareReferral referral, IReadOnlyList<Evaluation> evaluations, TreatmentPlan? plan, params AppliedTechnique[] techniques) =>
        Assert.Throws<RuleViolation>(() => TreatmentGate.EnsureAllowed(referral, evaluations, plan, techniques, VisitDay)).Message;

    [Fact]
    public void Prescribed_techniques_on_planned_regions_are_allowed_after_evaluation_and_plan()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral);

        TreatmentGate.EnsureAllowed(referral, [evaluation], Clinic.ActivePlan(referral, evaluation), [Clinic.Technique("myofascial release ")], VisitDay);
    }

    [Fact]
    public void No_treatment_without_a_signed_evaluation_and_an_active_plan()
    {
        var referral = Clinic.Referral();

        var reason = Refusal(referral, [], null, Clinic.Technique("Massage"));

        Assert.Contains("no signed initial evaluation", reason);
        Assert.Contains("no active treatment plan", reason);
    }

    [Fact]
    public void Techniques_outside_the_prescription_or_awaiting_clearance_are_refused()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral);
        var plan = Clinic.ActivePlan(referral, evaluation);

        Assert.Contains("'Cupping' is not prescribed", Refusal(referral, [evaluation], plan, Clinic.Technique("Cupping")));
        Assert.Contains("awaits the physician's clearance", Refusal(referral, [evaluation], plan, Clinic.Technique("Scar tissue release")));
        Assert.Contains("'hip' is not a body region of the treatment plan", Refusal(referral, [evaluation], plan, Clinic.Technique("Massage", "hip")));

        Clinic.Clear(referral, "Scar tissue release");
        Assert.Contains("not in the treatment plan", Refusal(referral, [evaluation], plan, Clinic.Technique("Scar tissue release")));
    }

    [Fact]
    public void A_finding_that_blocks_all_treatment_stops_every_visit_until_the_referral_resumes()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral, new ScreeningFinding("Deep vein thrombosis", ContraindicationEffect.BlocksAllTreatment, null));
        var plan = Clinic.ActivePlan(referral, evaluation);

        Assert.Contains("blocks all treatment", Refusal(referral, [evaluation], plan, Clinic.Technique("Massage")));

        Clinic.Change(referral, s => s with { Status = "on-hold", StatusReason = "Awaiting clearance for DVT" });
        Assert.Contains("on-hold", Refusal(referral, [evaluation], plan, Clinic.Technique("Massage")));

        Clinic.Change(referral, s => s with { Status = "in-treatment", StatusReason = null, LastResumedAt = DateTimeOffset.MaxValue });
        TreatmentGate.EnsureAllowed(referral, [evaluation], plan, [Clinic.Technique("Massage")], VisitDay);
    }

    [Fact]
    public void A_local_contraindication_excludes_its_region_only()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral, new ScreeningFinding("Open wound", ContraindicationEffect.ExcludesLocalArea, "Lower Back"));
        var plan = Clinic.ActivePlan(referral, evaluation);

        Assert.Contains("excluded by a local contraindication", Refusal(referral, [evaluation], plan, Clinic.Technique("Massage", "lower back")));
    }

    [Fact]
    public void A_finding_needing_clearance_blocks_until_the_physician_clears_it()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral, new ScreeningFinding("Anticoagulants", ContraindicationEffect.NeedsPhysicianClearance, null));
        var plan = Clinic.ActivePlan(referral, evaluation);

        Assert.Contains("'Anticoagulants' awaits", Refusal(referral, [evaluation], plan, Clinic.Technique("Massage")));

        Clinic.Clear(referral, "anticoagulants");
        TreatmentGate.EnsureAllowed(referral, [evaluation], plan, [Clinic.Technique("Massage")], VisitDay);
    }

    [Fact]
    public void No_visit_after_the_referral_expired_or_the_patient_was_discharged()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral);
        var plan = Clinic.ActivePlan(referral, evaluation);

        Assert.Contains("expired", Assert.Throws<RuleViolation>(() =>
            TreatmentGate.EnsureAllowed(referral, [evaluation], plan, [Clinic.Technique("Massage")], referral.ValidUntil.AddDays(1))).Message);

        referral.Discharge("Goals met", Clinic.Monday.AddDays(30));
        Assert.Contains("discharged", Refusal(referral, [evaluation], plan, Clinic.Technique("Massage")));
    }
}

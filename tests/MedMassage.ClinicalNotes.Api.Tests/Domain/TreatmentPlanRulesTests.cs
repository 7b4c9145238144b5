using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Plans;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class TreatmentPlanRulesTests
{
    private static readonly DateOnly Activated = DateOnly.FromDateTime(Clinic.Monday.UtcDateTime);

    [Fact]
    public void An_activated_plan_must_be_certified_within_30_days()
    {
        var referral = Clinic.Referral();
        var plan = Clinic.ActivePlan(referral, Clinic.SignedEvaluation(referral));

        Assert.Equal(Activated.AddDays(30), plan.CertificationDueBy);
        Assert.Null(plan.WhyNotUsableOn(Activated.AddDays(30)));
        Assert.Contains("not certified", plan.WhyNotUsableOn(Activated.AddDays(31)));
    }

    [Fact]
    public void A_certification_lasts_until_recertification_is_due_before_day_90()
    {
        var referral = Clinic.Referral();
        var plan = Clinic.ActivePlan(referral, Clinic.SignedEvaluation(referral));
        var certifiedAt = Clinic.Monday.AddDays(10);

        var certification = plan.Certify("Dr. Lee", certifiedAt, certifiedAt.AddHours(1));

        Assert.Equal(Activated.AddDays(10 + 89), certification.RecertificationDueBy);
        Assert.Null(plan.WhyNotUsableOn(Activated.AddDays(60)));
        Assert.Null(plan.WhyNotUsableOn(certification.RecertificationDueBy));
        Assert.Contains("recertification", plan.WhyNotUsableOn(certification.RecertificationDueBy.AddDays(1)));

        var recertification = plan.Certify("Dr. Lee", certifiedAt.AddDays(85), certifiedAt.AddDays(85));
        Assert.Null(plan.WhyNotUsableOn(certification.RecertificationDueBy.AddDays(1)));
        Assert.Equal(2, plan.Certifications.Count);
        Assert.Equal(recertification, plan.LatestCertification);
    }

    [Fact]
    public void A_certification_needs_who_and_cannot_be_dated_in_the_future()
    {
        var referral = Clinic.Referral();
        var plan = Clinic.ActivePlan(referral, Clinic.SignedEvaluation(referral));

        var error = Assert.Throws<InvalidClinicalData>(() => plan.Certify(" ", Clinic.Monday.AddDays(3), Clinic.Monday.AddDays(2)));

        Assert.Contains("certifiedBy", error.Errors.Keys);
        Assert.Contains("certifiedAt", error.Errors.Keys);
        Assert.Empty(plan.Certifications);
    }

    [Fact]
    public void A_draft_plan_is_not_usable_and_cannot_be_certified()
    {
        var referral = Clinic.Referral();
        var plan = TreatmentPlan.Draft(Clinic.SignedEvaluation(referral), Clinic.Terms(referral), "therapist-1", Clinic.Monday);

        Assert.Contains("not active", plan.WhyNotUsableOn(Activated));
        Assert.Throws<RuleViolation>(() => plan.Certify("Dr. Lee", Clinic.Monday, Clinic.Monday));
    }

    [Fact]
    public void A_plan_is_set_from_a_signed_initial_evaluation_only()
    {
        var referral = Clinic.Referral();
        var unsigned = Clinic.Evaluate(referral, Clinic.Appointment(referral, "evaluation"), EvaluationKind.Initial, Clinic.Content(), null, Clinic.Monday);

        Assert.Throws<RuleViolation>(() => TreatmentPlan.Draft(unsigned, Clinic.Terms(referral), "t", Clinic.Monday));
    }

    [Fact]
    public void A_revision_is_a_new_version_and_the_old_one_is_kept_superseded()
    {
        var referral = Clinic.Referral();
        var plan = Clinic.ActivePlan(referral, Clinic.SignedEvaluation(referral));
        plan.Certify("Dr. Lee", Clinic.Monday.AddDays(2), Clinic.Monday.AddDays(2));

        var revised = plan.Revise(Clinic.Terms(referral, visits: 8), "Faster progress than expected", "therapist-1", Clinic.Monday.AddDays(20));

        Assert.Equal(PlanStatus.Superseded, plan.Status);
        Assert.Equal(12, plan.Terms.VisitCount);
        Assert.Equal((plan.Id, 2, PlanStatus.Active, 8), (revised.Id, revised.Version, revised.Status, revised.Terms.VisitCount));
        Assert.Empty(revised.Certifications);
        Assert.Equal(Activated.AddDays(50), revised.CertificationDueBy);
        Assert.Throws<RuleViolation>(() => plan.Revise(Clinic.Terms(referral), "again", "t", Clinic.Monday.AddDays(21)));
    }

    [Fact]
    public void Plan_terms_stay_inside_the_prescription_and_the_schedule()
    {
        var referral = Clinic.Referral(authorizedVisits: 10);

        var error = Assert.Throws<InvalidClinicalData>(() => PlanTerms.Create(referral,
            ["Massage", "Cupping"], ["lower back", "neck"], 2, 4, 12, [new Goal("Less pain", "mood", 3)]));

        Assert.Contains(error.Errors["techniques"], m => m.Contains("Cupping", StringComparison.Ordinal));
        Assert.Contains(error.Errors["bodyRegions"], m => m.Contains("neck", StringComparison.Ordinal));
        Assert.Contains(error.Errors["visitCount"], m => m.Contains("2 per week for 4 weeks", StringComparison.Ordinal));
        Assert.Contains(error.Errors["visitCount"], m => m.Contains("authorizes 10", StringComparison.Ordinal));
        Assert.Contains("goals[0].metric", error.Errors.Keys);
    }
}

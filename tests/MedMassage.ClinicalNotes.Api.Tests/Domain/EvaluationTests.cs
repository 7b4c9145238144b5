using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.Contracts;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class EvaluationTests
{
    [Fact]
    public void An_initial_evaluation_documents_an_evaluation_appointment_once()
    {
        var referral = Clinic.Referral();
        var signed = Clinic.SignedEvaluation(referral);

        Assert.Contains("evaluation appointment", Assert.Throws<RuleViolation>(() =>
            Clinic.Evaluate(referral, Clinic.Appointment(referral, "treatment"), EvaluationKind.Initial, Clinic.Content(), null, Clinic.Monday)).Message);
        Assert.Contains("already has a signed initial", Assert.Throws<RuleViolation>(() =>
            Clinic.Evaluate(referral, Clinic.Appointment(referral, "evaluation"), EvaluationKind.Initial, Clinic.Content(), signed, Clinic.Monday)).Message);
        var unevaluated = Clinic.Referral();
        Assert.Contains("needs a signed initial", Assert.Throws<RuleViolation>(() =>
            Clinic.Evaluate(unevaluated, Clinic.Appointment(unevaluated, "re-evaluation"), EvaluationKind.ReEvaluation, Clinic.Content(), null, Clinic.Monday)).Message);
        Assert.Contains("another referral", Assert.Throws<RuleViolation>(() =>
            Clinic.Evaluate(unevaluated, Clinic.Appointment(referral, "evaluation"), EvaluationKind.Initial, Clinic.Content(), null, Clinic.Monday)).Message);
    }

    [Fact]
    public void Signing_applies_the_screening_to_the_referral_and_freezes_the_evaluation()
    {
        var referral = Clinic.Referral();
        var evaluation = Clinic.Evaluate(referral, Clinic.Appointment(referral, "evaluation"), EvaluationKind.Initial,
            Clinic.Content(new ScreeningFinding("Fever", ContraindicationEffect.BlocksAllTreatment, null),
                new ScreeningFinding("Osteoporosis", ContraindicationEffect.NeedsPhysicianClearance, null)), null, Clinic.Monday);
        Assert.Null(referral.TreatmentBlockedAt);

        evaluation.Sign(referral, Clinic.Treating(evaluation.AppointmentId), Clinic.Monday.AddHours(1));

        Assert.Equal(Clinic.Monday.AddHours(1), referral.TreatmentBlockedAt);
        Assert.Equal(["Osteoporosis"], referral.PendingClearances);
        Assert.Equal(evaluation.Id, referral.LatestEvaluationId);
        Assert.Throws<RuleViolation>(() => evaluation.Revise(Clinic.Content(), Clinic.Treating(evaluation.AppointmentId)));
        Assert.Throws<RuleViolation>(() => evaluation.Sign(referral, Clinic.Treating(evaluation.AppointmentId), Clinic.Monday.AddHours(2)));
    }

    [Fact]
    public void Every_invalid_field_of_an_evaluation_is_named_and_missing_entries_do_not_crash()
    {
        var error = Assert.Throws<InvalidClinicalData>(() => EvaluationContent.Create(" ", 11, [null!, new RangeOfMotion("Knee", "", 500)],
            OutcomeMeasure.NeckDisabilityIndex, [1, 2], [null!], "", [null!], goalsRequired: true));

        Assert.Equal(
            ["assessment", "findings[0]", "goals[0]", "history", "outcomeMeasure.answers", "painScore", "rangeOfMotion[0]", "rangeOfMotion[1].degrees", "rangeOfMotion[1].motion"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_late_delivered_older_appointment_event_does_not_undo_a_newer_one()
    {
        var appointment = Clinic.Appointment(Clinic.Referral(), "treatment");
        var t = appointment.TherapistId;
        appointment.Update("treatment", t, "Tom", appointment.LocationId, "Downtown", appointment.StartsAt, appointment.EndsAt, AppointmentStatus.Cancelled, Clinic.Monday);

        appointment.Update("treatment", t, "Tom", appointment.LocationId, "Downtown", appointment.StartsAt, appointment.EndsAt, AppointmentStatus.Booked, Clinic.Monday.AddMinutes(-5));

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.False(appointment.CanBeDocumented);
    }

    [Theory]
    [InlineData("evaluation", "Evaluation")]
    [InlineData("Initial Evaluation", "Evaluation")]
    [InlineData("re-evaluation", "ReEvaluation")]
    [InlineData("RE_EVALUATION", "ReEvaluation")]
    [InlineData("treatment", "Treatment")]
    public void Appointment_types_are_read_whatever_their_spelling(string type, string kind) =>
        Assert.Equal(kind, ClinicAppointment.KindOf(type).ToString());
}

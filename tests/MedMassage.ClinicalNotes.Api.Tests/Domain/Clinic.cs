using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

/// <summary>Builds domain objects for rule tests: a low-back referral with myofascial release and massage prescribed.</summary>
internal static class Clinic
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ReferralStateLog States = new();

    public static CareReferral Referral(IEnumerable<string>? awaitingClearance = null, int authorizedVisits = 12)
    {
        var state = ReferralStates.Accepted(locationId: Guid.NewGuid(),
            patient: new PatientContact(Guid.NewGuid(), "Ada Patient", null, null, "email", "en"),
            techniques: ["Myofascial release", "Massage", "Scar tissue release"], bodyRegions: ["lower back", "hip"],
            awaitingClearance: awaitingClearance ?? ["Scar tissue release"], validUntil: DateOnly.FromDateTime(Monday.UtcDateTime).AddDays(120),
            visits: new VisitCounts(authorizedVisits, 0, authorizedVisits));
        return CareReferral.From(States.Start(state));
    }

    /// <summary>Applies the referral service's next state, as its event would.</summary>
    public static void Change(CareReferral referral, Func<ReferralState, ReferralState> change)
    {
        Assert.True(referral.Apply(States.Next(referral.Id, change)));
    }

    /// <summary>The physician's clearance of <paramref name="subject"/>, as the referral service records it.</summary>
    public static void Clear(CareReferral referral, string subject)
    {
        Assert.True(referral.Apply(States.Next(referral.Id, s => s.Cleared(subject))));
    }

    /// <summary>The treating therapist of every appointment built here (their staff user id).</summary>
    public static readonly Guid TherapistId = Guid.NewGuid();

    public static ClinicAppointment Appointment(CareReferral referral, string type, DateTimeOffset? at = null, Guid? therapistId = null)
    {
        var appointment = ClinicAppointment.Create(Guid.NewGuid(), referral.Id);
        var start = at ?? Monday;
        appointment.Update(type, therapistId ?? TherapistId, "Tom Therapist", Guid.NewGuid(), "Downtown", start, start.AddMinutes(60), AppointmentStatus.Booked, start.AddDays(-1));
        return appointment;
    }

    public static EvaluationContent Content(params ScreeningFinding[] findings) => EvaluationContent.Create(
        "Low back pain for 6 weeks after lifting.", 7, [new RangeOfMotion("Lumbar", "Flexion", 40)],
        OutcomeMeasure.Oswestry, [3, 2, 2, 3, 2, 2, 1, 2, 3, 2], findings, "Myofascial restriction, lumbar.",
        [new Goal("Pain at most 3", "pain", 3), new Goal("Oswestry at most 20 %", "Oswestry", 20)], goalsRequired: true);

    public static Evaluation SignedEvaluation(CareReferral referral, params ScreeningFinding[] findings)
    {
        var evaluation = Evaluate(referral, Appointment(referral, "evaluation"), EvaluationKind.Initial, Content(findings), null, Monday);
        evaluation.Sign(referral, Treating(evaluation.AppointmentId), Monday);
        return evaluation;
    }

    /// <summary>The treating therapist documenting their own appointment.</summary>
    public static Authorship Treating(ClinicAppointment appointment) =>
        Authorship.For(appointment, new Documenter(appointment.TherapistId.ToString(), IsClinicAdmin: false), null);

    /// <summary>The treating therapist of the appointment with this id (the rule reads only its id and therapist).</summary>
    public static Authorship Treating(Guid appointmentId)
    {
        var appointment = ClinicAppointment.Create(appointmentId, Guid.NewGuid());
        appointment.Update("treatment", TherapistId, "Tom Therapist", Guid.NewGuid(), "Downtown", Monday, Monday.AddHours(1), AppointmentStatus.Booked, Monday);
        return Treating(appointment);
    }

    public static Evaluation Evaluate(CareReferral referral, ClinicAppointment appointment, EvaluationKind kind, EvaluationContent content,
        Evaluation? signedInitial, DateTimeOffset at) => Evaluation.Write(referral, appointment, kind, content, signedInitial, Treating(appointment), at);

    public static VisitNote Note(CareReferral referral, ClinicAppointment appointment, Guid planId, int planVersion, VisitNoteContent content,
        DateTimeOffset at) => VisitNote.Write(referral, appointment, planId, planVersion, content, Treating(appointment), at);

    public static PlanTerms Terms(CareReferral referral, int visits = 12) => PlanTerms.Create(referral,
        ["Myofascial release", "Massage"], ["lower back"], 2, 6, visits, [new Goal("Pain at most 3", "pain", 3)]);

    public static TreatmentPlan ActivePlan(CareReferral referral, Evaluation evaluation, DateTimeOffset? at = null)
    {
        var plan = TreatmentPlan.Draft(evaluation, Terms(referral), "therapist-1", at ?? Monday);
        plan.Activate(at ?? Monday);
        return plan;
    }

    public static AppliedTechnique Technique(string technique, string region = "lower back", int minutes = 30, string cpt = "97140") =>
        new(technique, cpt, minutes, [region]);

    public static VisitNoteContent NoteContent(params AppliedTechnique[] techniques) => VisitNoteContent.Create(
        "Feels looser.", "Tender L4-L5 paraspinals.", "Improving.", "Continue plan.",
        techniques.Length == 0 ? [Technique("Myofascial release")] : techniques, 5, 3, Tolerance.Good, null);
}

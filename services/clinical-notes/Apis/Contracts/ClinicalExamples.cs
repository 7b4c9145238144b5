using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.Contracts;

namespace MedMassage.ClinicalNotes.Api.Apis.Contracts;

/// <summary>The request bodies the API description shows: what a therapist's documentation looks like.</summary>
internal static class ClinicalExamples
{
    private static readonly Guid ReferralId = new("0195f0c2-7a1e-7c55-8f0a-3b2a1c4d5e6f");
    private static readonly Guid AppointmentId = new("0195f3a8-1b40-7d2e-9c61-4e7f0a2b3c4d");

    // Oswestry: ten items, each answered 0 to 5.
    private static readonly OutcomeAnswers Oswestry = new(OutcomeMeasure.Oswestry, [2, 3, 1, 2, 2, 1, 3, 2, 1, 2]);

    private static readonly Goal[] Goals =
    [
        new("Sit through a working day with pain at 3 or less", OutcomeMetric.Pain, 3),
        new("Oswestry disability below 20 %", "oswestry", 20),
    ];

    public static readonly EvaluationRequest Evaluation = new(
        ReferralId, AppointmentId, EvaluationKind.Initial,
        History: "Low back pain since a fall on ice six weeks ago; worse after sitting, eased by walking. Desk work.",
        PainScore: 6,
        RangeOfMotion: [new("lumbar spine", "flexion", 40), new("lumbar spine", "extension", 15)],
        OutcomeMeasure: Oswestry,
        Findings: [new("varicose veins", ContraindicationEffect.ExcludesLocalArea, "left calf")],
        Assessment: "Myofascial restriction of the lumbar paraspinals and quadratus lumborum, no neurological signs.",
        Goals: Goals);

    public static readonly TreatmentPlanRequest Plan = new(
        new Guid("0195f3b1-5c22-7a10-8e4d-2f6a9b0c1d2e"), ["myofascial-release", "trigger-point"], ["lower-back"],
        SessionsPerWeek: 2, Weeks: 6, VisitCount: 12, Goals);

    public static readonly PlanRevisionRequest Revision = new(
        ["myofascial-release", "trigger-point", "stretching"], ["lower-back", "hips"], SessionsPerWeek: 2, Weeks: 4, VisitCount: 8, Goals,
        Reason: "Hip flexor tightness found at the re-evaluation; stretching added.");

    public static readonly CertificationRequest Certification = new("Dr. John Carter (NPI 1234567893)", new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero));

    public static readonly VisitNoteRequest VisitNote = new(
        AppointmentId,
        Subjective: "Slept better; pain 6/10 on arrival after a long drive.",
        Objective: "Tender trigger points in the right quadratus lumborum; lumbar flexion 45 degrees.",
        Assessment: "Good response to myofascial release; flexion improving.",
        Plan: "Continue as planned; home stretches reviewed.",
        Techniques: [new("myofascial-release", "97140", 25, ["lower-back"]), new("trigger-point", "97140", 15, ["lower-back"])],
        PainBefore: 6, PainAfter: 3, Tolerance.Good, AdverseEvent: null);

    public static readonly SignRequest Sign = new(OnBehalfReason: null);

    public static readonly AddendumRequest Addendum = new("Late entry",
        "The patient called the next day: mild soreness for one evening, gone by morning.");

    public static readonly DischargeRequest Discharge = new("Goals reached: pain 2/10 and Oswestry 14 % at the last visit.");

    public static readonly UnitsPreviewRequest Units = new([new("97140", 25), new("97124", 23)]);

    public static readonly ScorePreviewRequest Score = new(Oswestry.Measure, Oswestry.Answers);
}

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

/// <summary>Request bodies as a therapist's screen would send them.</summary>
internal static class Forms
{
    public static object Evaluation(Guid referralId, Guid appointmentId, int pain = 7, int?[]? ndi = null, object[]? findings = null, string kind = "Initial",
        string? onBehalfReason = null) => new
    {
        referralId,
        appointmentId,
        kind,
        history = "Neck pain and stiffness for 8 weeks after a rear-end collision.",
        painScore = pain,
        rangeOfMotion = new[] { new { joint = "Cervical", motion = "Rotation", degrees = pain > 4 ? 45 : 70 } },
        // 3+2+2+3+2+2+1+2+3+2 = 22 of 50 = 44 %
        outcomeMeasure = new { measure = "NeckDisabilityIndex", answers = ndi ?? [3, 2, 2, 3, 2, 2, 1, 2, 3, 2] },
        findings = findings ?? [new { name = "Varicose veins", effect = "ExcludesLocalArea", bodyRegion = "left calf" }],
        assessment = "Whiplash-associated myofascial pain, restricted cervical rotation.",
        goals = new object[]
        {
            new { description = "Pain at most 3/10", metric = "pain", target = 3 },
            new { description = "Neck Disability Index at most 20 %", metric = "NeckDisabilityIndex", target = 20 },
        },
        onBehalfReason,
    };

    public static object Plan(Guid evaluationId, int visits = 12) => new
    {
        evaluationId,
        techniques = new[] { "Myofascial release", "Massage" },
        bodyRegions = new[] { "neck", "upper back" },
        sessionsPerWeek = 2,
        weeks = 6,
        visitCount = visits,
        goals = new object[]
        {
            new { description = "Pain at most 3/10", metric = "pain", target = 3 },
            new { description = "Neck Disability Index at most 20 %", metric = "NeckDisabilityIndex", target = 20 },
        },
    };

    public static object Technique(string technique, string cptCode, int minutes, string region) =>
        new { technique, cptCode, minutes, bodyRegions = new[] { region } };

    public static object Note(Guid appointmentId, int painBefore = 5, string? adverseEvent = null, object[]? techniques = null, string? onBehalfReason = null) => new
    {
        appointmentId,
        subjective = "Neck feels looser since last visit.",
        objective = "Trigger points upper trapezius bilaterally.",
        assessment = "Progressing toward goals.",
        plan = "Continue plan of care.",
        // 25 + 20 = 45 min = 3 units: 97140 gets 1 full + the leftover unit (10 min > 5 min), 97124 gets 1.
        techniques = techniques ?? [Technique("Myofascial release", "97140", 25, "neck"), Technique("Massage", "97124", 20, "upper back")],
        painBefore,
        painAfter = Math.Max(0, painBefore - 2),
        tolerance = "Good",
        adverseEvent,
        onBehalfReason,
    };
}

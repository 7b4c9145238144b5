using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class TreatmentRulesTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Treatment_is_refused_without_a_plan_while_blocked_and_for_techniques_not_prescribed_or_not_cleared()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync(techniques: ["Myofascial release", "Massage", "Scar tissue release"], awaitingClearance: ["Scar tissue release"]);
        var evaluationAppointment = (await clinic.BookAsync(referralId, "evaluation"))[0];
        var visits = await clinic.BookAsync(referralId, "treatment", 2);

        // No treatment note before a signed evaluation and an active plan.
        var early = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), HttpStatusCode.Conflict);
        Assert.Contains("no signed initial evaluation", early, StringComparison.Ordinal);
        Assert.Contains("no active treatment plan", early, StringComparison.Ordinal);

        // The evaluation finds a deep vein thrombosis: all treatment stops and the referral service is told.
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(api, referralId, evaluationAppointment,
            [new { name = "Deep vein thrombosis", effect = "BlocksAllTreatment" }, new { name = "Anticoagulants", effect = "NeedsPhysicianClearance", bodyRegion = "upper back" }]);
        var completed = await clinic.Probe.WaitForAsync<EvaluationCompleted>(e => e.ReferralId == referralId);
        Assert.Contains(completed.Findings, f => f is { Name: "Deep vein thrombosis", Effect: ContraindicationEffect.BlocksAllTreatment });
        var clearance = await clinic.Probe.WaitForAsync<ClearanceRequested>(e => e.ReferralId == referralId);
        Assert.Equal("Anticoagulants", Assert.Single(clearance.Findings).Name);

        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        var notYetActive = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), HttpStatusCode.Conflict);
        Assert.Contains("no active treatment plan", notYetActive, StringComparison.Ordinal);
        await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null);

        var blocked = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), HttpStatusCode.Conflict);
        Assert.Contains("blocks all treatment", blocked, StringComparison.Ordinal);

        // The referral service puts the referral on hold and resumes it once the physician cleared the patient.
        await clinic.ChangeReferralAsync(referralId, s => s with { Status = "on-hold", StatusReason = "DVT: waiting for physician clearance" });
        await Eventually.WaitAsync(() => clinic.Service.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referralId)),
            r => r.Status == "on-hold", what: "referral on hold");
        var onHold = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), HttpStatusCode.Conflict);
        Assert.Contains("The referral is on-hold", onHold, StringComparison.Ordinal);
        await clinic.ChangeReferralAsync(referralId, s => s with { Status = "in-treatment", StatusReason = null, LastResumedAt = DateTimeOffset.UtcNow });
        await Eventually.WaitAsync(() => clinic.Service.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referralId)),
            r => r.TreatmentBlockedAt is null && r.Status == "in-treatment", what: "treatment unblocked");

        // Still refused: a technique outside the prescription, one awaiting clearance, a region awaiting clearance.
        var unprescribed = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes",
            Forms.Note(visits[0], techniques: [Forms.Technique("Cupping", "97140", 20, "neck")])), HttpStatusCode.Conflict);
        Assert.Contains("'Cupping' is not prescribed", unprescribed, StringComparison.Ordinal);
        var uncleared = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes",
            Forms.Note(visits[0], techniques: [Forms.Technique("Scar tissue release", "97140", 20, "neck")])), HttpStatusCode.Conflict);
        Assert.Contains("'Scar tissue release' awaits the physician's clearance", uncleared, StringComparison.Ordinal);
        var region = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), HttpStatusCode.Conflict);
        Assert.Contains("'upper back' awaits the physician's clearance", region, StringComparison.Ordinal);

        // Neck work is fine meanwhile; after the clearance the upper back is too.
        await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes",
            Forms.Note(visits[0], techniques: [Forms.Technique("Massage", "97124", 30, "neck")])), HttpStatusCode.Created);
        await clinic.ChangeReferralAsync(referralId, s => s.Cleared("Anticoagulants"));
        await Eventually.WaitAsync(() => clinic.Service.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referralId)),
            r => r.PendingClearances.Count == 0, what: "clearance recorded");
        await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[1])), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Invalid_clinical_data_names_every_bad_field_and_stores_nothing()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var appointment = (await clinic.BookAsync(referralId, "evaluation"))[0];

        var response = await api.PostJsonAsync("/api/clinical-notes/evaluations", new
        {
            referralId,
            appointmentId = appointment,
            history = "",
            painScore = 11,
            rangeOfMotion = new[] { new { joint = "Cervical", motion = "Rotation", degrees = 400 } },
            outcomeMeasure = new { measure = "Oswestry", answers = new int?[] { 1, 2, 3 } },
            findings = new[] { new { name = "Open wound", effect = "ExcludesLocalArea", bodyRegion = (string?)null } },
            assessment = "Restricted.",
            goals = new[] { new { description = "Better", metric = "happiness", target = 1 } },
        });

        var problem = await Clinic.ProblemAsync(response, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "history", "painScore", "rangeOfMotion[0].degrees", "outcomeMeasure.answers", "findings[0].bodyRegion", "goals[0].metric" })
        {
            Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);
        }
        Assert.False(await clinic.Service.QueryAsync(db => db.Evaluations.AnyAsync(e => e.ReferralId == referralId)));

        var unknown = await api.PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(Guid.NewGuid(), appointment));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var malformed = await api.PostAsync(new Uri("/api/clinical-notes/visit-notes", UriKind.Relative), new StringContent("{\"appointmentId\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var badNote = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes", new { appointmentId = appointment, techniques = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        Assert.Contains("\"subjective\"", badNote, StringComparison.Ordinal);
        Assert.Contains("\"techniques\"", badNote, StringComparison.Ordinal);
    }
}

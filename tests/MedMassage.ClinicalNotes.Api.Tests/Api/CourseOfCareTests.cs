using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Testing;
using Npgsql;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class CourseOfCareTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_course_of_care_is_documented_from_evaluation_to_discharge_and_signed_notes_never_change()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationAppointment = (await clinic.BookAsync(referralId, "evaluation"))[0];
        var visits = await clinic.BookAsync(referralId, "treatment", 11);
        var reEvaluationAppointment = (await clinic.BookAsync(referralId, "re-evaluation"))[0];

        // Initial evaluation: the system scores the Neck Disability Index; signing tells the other services.
        var evaluation = await Clinic.ReadAsync<EvaluationResponse>(
            await api.PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(referralId, evaluationAppointment)), HttpStatusCode.Created);
        Assert.Equal(44m, evaluation.Content.Outcome!.Score);
        await Clinic.ReadAsync<EvaluationResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/evaluations/{evaluation.Id}/sign", UriKind.Relative), null), HttpStatusCode.OK);
        var completed = await clinic.Probe.WaitForAsync<EvaluationCompleted>(e => e.ReferralId == referralId);
        Assert.Equal((evaluation.Id, 7, clinic.TherapistId), (completed.EvaluationId, completed.PainScore, completed.TherapistId));
        Assert.Equal([new ContraindicationFinding("Varicose veins", ContraindicationEffect.ExcludesLocalArea, "left calf")], completed.Findings);

        // Plan of care: drafted, activated, certified by the physician.
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluation.Id)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        var activated = await clinic.Probe.WaitForAsync<TreatmentPlanActivated>(e => e.ReferralId == referralId);
        Assert.Equal((plan.Id, 1, 12, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)), (activated.PlanId, activated.Version, activated.VisitCount, activated.CertificationDueBy));
        var certified = await Clinic.ReadAsync<TreatmentPlanResponse>(
            await api.PostJsonAsync($"/api/clinical-notes/treatment-plans/{plan.Id}/certifications", new { certifiedBy = "Dr. Ruth Lee" }), HttpStatusCode.OK);
        Assert.Equal("Dr. Ruth Lee", Assert.Single(certified.Certifications).CertifiedBy);
        await clinic.Probe.WaitForAsync<TreatmentPlanCertified>(e => e.PlanId == plan.Id && e.CertifiedBy == "Dr. Ruth Lee");

        // First treatment visit, with an adverse event.
        var first = await Clinic.ReadAsync<VisitNoteResponse>(
            await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0], adverseEvent: "Light-headed after treatment; resolved in 10 minutes.")), HttpStatusCode.Created);
        var signed = await Clinic.ReadAsync<VisitNoteResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/visit-notes/{first.Id}/sign", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal(1, signed.VisitNumber);
        Assert.Equal([new BillableUnits("97124", 1), new BillableUnits("97140", 2)], signed.Units);
        Assert.Equal(2, signed.Content.Techniques.Count);
        await clinic.Probe.WaitForAsync<AdverseEventReported>(e => e.NoteId == first.Id && e.Description.StartsWith("Light-headed", StringComparison.Ordinal));

        // A signed note cannot be edited, neither through the API nor directly in the database.
        var refused = await Clinic.ProblemAsync(await api.PutJsonAsync($"/api/clinical-notes/visit-notes/{first.Id}", Forms.Note(visits[0], painBefore: 1)), HttpStatusCode.Conflict);
        Assert.Contains("addendum", refused, StringComparison.Ordinal);
        await using (var sql = new NpgsqlConnection(clinic.Service.DatabaseConnectionString))
        {
            await sql.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE visit_notes SET content = jsonb_set(content, '{painBefore}', '1') WHERE id = @id", sql);
            update.Parameters.AddWithValue("id", first.Id);
            var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
            Assert.Contains("cannot be changed", error.MessageText, StringComparison.Ordinal);
            await using var delete = new NpgsqlCommand("DELETE FROM visit_notes WHERE id = @id", sql);
            delete.Parameters.AddWithValue("id", first.Id);
            await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        }
        var unchanged = await Clinic.ReadAsync<VisitNoteResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/visit-notes/{first.Id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(5, unchanged.Content.PainBefore);

        // Corrections are addenda with author, time and reason.
        await Clinic.ReadAsync<AddendumResponse>(await api.PostJsonAsync($"/api/clinical-notes/visit-notes/{first.Id}/addenda",
            new { reason = "Wrong side recorded", text = "Trigger points were right-sided only." }), HttpStatusCode.Created);
        var corrected = await Clinic.ReadAsync<VisitNoteResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/visit-notes/{first.Id}", UriKind.Relative)), HttpStatusCode.OK);
        var addendum = Assert.Single(corrected.Addenda);
        Assert.Equal((clinic.TherapistId.ToString(), "Wrong side recorded"), (addendum.Author, addendum.Reason));
        Assert.Equal(5, corrected.Content.PainBefore);

        // Visits 2-9: no re-evaluation due yet.
        for (var i = 1; i < 9; i++)
        {
            await WriteAndSignAsync(api, visits[i], painBefore: 5 - i / 3);
        }
        var beforeTenth = await Clinic.ReadAsync<ReferralCareResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/referrals/{referralId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal((9, false), (beforeTenth.SignedVisits, beforeTenth.ReEvaluationDue));

        // The tenth signed visit makes the re-evaluation due, and the others are told.
        await WriteAndSignAsync(api, visits[9], painBefore: 3);
        var due = await clinic.Probe.WaitForAsync<ReEvaluationDue>(e => e.ReferralId == referralId);
        Assert.Equal((10, clinic.TherapistId, DateOnly.FromDateTime(DateTime.UtcNow)), (due.VisitsSinceEvaluation, due.TherapistId, due.DueBy));
        var afterTenth = await Clinic.ReadAsync<ReferralCareResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/referrals/{referralId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(afterTenth.ReEvaluationDue);

        // An eleventh note stays an unsigned draft: reports never include it.
        var draft = await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[10], painBefore: 0)), HttpStatusCode.Created);

        // Re-evaluation: NDI 8 of 50 = 16 %, pain 2.
        var reEvaluation = await Clinic.ReadAsync<EvaluationResponse>(await api.PostJsonAsync("/api/clinical-notes/evaluations",
            Forms.Evaluation(referralId, reEvaluationAppointment, pain: 2, ndi: [1, 1, 1, 1, 1, 1, 0, 1, 1, 0], findings: [], kind: "ReEvaluation")), HttpStatusCode.Created);
        await Clinic.ReadAsync<EvaluationResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/evaluations/{reEvaluation.Id}/sign", UriKind.Relative), null), HttpStatusCode.OK);
        await clinic.Probe.WaitForAsync<EvaluationCompleted>(e => e.EvaluationId == reEvaluation.Id && e.Kind == "ReEvaluation");

        // Progress report for the physician, from signed records only.
        var report = await Clinic.ReadAsync<DocumentResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/referrals/{referralId}/progress-reports", UriKind.Relative), null), HttpStatusCode.Created);
        var issued = await clinic.Probe.WaitForAsync<ProgressReportIssued>(e => e.ReferralId == referralId);
        Assert.Equal((report.Id, $"/api/clinical-notes/documents/{report.Id}"), (issued.ReportId, issued.DocumentUrl));
        var html = await (await api.GetAsync(new Uri(issued.DocumentUrl, UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Progress report</h1>", html, StringComparison.Ordinal);
        Assert.Contains("10 signed visit notes; 2 signed evaluations", html, StringComparison.Ordinal);
        Assert.Contains("Grace Patient", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>NeckDisabilityIndex</td><td>44</td><td>16</td><td>-28</td><td>20</td><td>yes</td></tr>", html, StringComparison.Ordinal);

        // Outcomes: pain 7 -> 2 and NDI 44 -> 16 reach both goals.
        var outcomes = await Clinic.ReadAsync<ReferralOutcomesResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/referrals/{referralId}/outcomes", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(outcomes.AllGoalsReached);
        Assert.Equal(10, outcomes.VisitsUsed);
        var pain = Assert.Single(outcomes.Measures, m => m.Metric == "pain");
        Assert.Equal((7m, 2m, true), (pain.Baseline, pain.Latest, pain.GoalReached));
        var rom = Assert.Single(outcomes.Measures, m => m.Metric == "rom:cervical:rotation");
        Assert.Equal((45m, 70m), (rom.Baseline, rom.Latest));
        var therapist = await Clinic.ReadAsync<OutcomeAggregateResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/outcomes/therapists/{clinic.TherapistId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal((1, 1m, -5m, 10m), (therapist.Referrals, therapist.ShareReachingGoals, therapist.MeanPainChange, therapist.MeanVisitsUsed));
        var location = await Clinic.ReadAsync<OutcomeAggregateResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/outcomes/locations/{clinic.LocationId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal((1, 1m), (location.Referrals, location.ShareReachingGoals));

        // Discharge: the summary goes out and nothing more can be documented.
        var summary = await Clinic.ReadAsync<DocumentResponse>(await api.PostJsonAsync($"/api/clinical-notes/referrals/{referralId}/discharge", new { reason = "Goals met" }), HttpStatusCode.Created);
        var discharged = await clinic.Probe.WaitForAsync<DischargeSummaryIssued>(e => e.ReferralId == referralId);
        Assert.Equal((summary.Id, "Goals met"), (discharged.SummaryId, discharged.Reason));
        var summaryHtml = await (await api.GetAsync(new Uri(discharged.DocumentUrl, UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Reason for discharge: Goals met", summaryHtml, StringComparison.Ordinal);
        var late = await Clinic.ProblemAsync(await api.PostAsync(new Uri($"/api/clinical-notes/visit-notes/{draft.Id}/sign", UriKind.Relative), null), HttpStatusCode.Conflict);
        Assert.Contains("discharged", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revised_plan_is_a_new_version_and_the_old_version_stays_readable()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await EvaluatedAsync(api, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null);

        var revised = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync($"/api/clinical-notes/treatment-plans/{plan.Id}/revisions", new
        {
            techniques = new[] { "Massage" },
            bodyRegions = new[] { "neck" },
            sessionsPerWeek = 1,
            weeks = 8,
            visitCount = 8,
            goals = new[] { new { description = "Pain at most 2/10", metric = "pain", target = 2 } },
            reason = "Myofascial work no longer needed",
        }), HttpStatusCode.Created);

        Assert.Equal((plan.Id, 2, PlanStatus.Active), (revised.Id, revised.Version, revised.Status));
        var old = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/versions/1", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal((PlanStatus.Superseded, 12), (old.Status, old.Terms.VisitCount));
        var current = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(2, current.Version);
        var evt = await clinic.Probe.WaitForAsync<TreatmentPlanRevised>(e => e.PlanId == plan.Id);
        Assert.Equal((2, 8), (evt.Version, evt.VisitCount));
        Assert.Equal(["Massage"], evt.Techniques);

        // Myofascial release left the plan, so it can no longer be documented.
        var visit = (await clinic.BookAsync(referralId, "treatment"))[0];
        var refusal = await Clinic.ProblemAsync(await api.PostJsonAsync("/api/clinical-notes/visit-notes",
            Forms.Note(visit, techniques: [Forms.Technique("Myofascial release", "97140", 20, "neck")])), HttpStatusCode.Conflict);
        Assert.Contains("not in the treatment plan", refusal, StringComparison.Ordinal);
    }

    internal static async Task<Guid> EvaluatedAsync(HttpClient api, Guid referralId, Guid appointmentId, object[]? findings = null)
    {
        var evaluation = await Clinic.ReadAsync<EvaluationResponse>(
            await api.PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(referralId, appointmentId, findings: findings)), HttpStatusCode.Created);
        await Clinic.ReadAsync<EvaluationResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/evaluations/{evaluation.Id}/sign", UriKind.Relative), null), HttpStatusCode.OK);
        return evaluation.Id;
    }

    private static async Task WriteAndSignAsync(HttpClient api, Guid appointmentId, int painBefore)
    {
        var note = await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(appointmentId, painBefore)), HttpStatusCode.Created);
        await Clinic.ReadAsync<VisitNoteResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/visit-notes/{note.Id}/sign", UriKind.Relative), null), HttpStatusCode.OK);
    }
}

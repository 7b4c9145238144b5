using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

/// <summary>A visit's evaluation or note is written, revised and signed by its treating therapist; an admin only with a reason.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AuthorshipTests(InfrastructureFixture infrastructure)
{
    private const string Reason = "Therapist on sick leave; note dictated by phone";

    [Fact]
    public async Task Another_therapist_of_the_clinic_gets_403_on_the_treating_therapists_visits_and_nothing_changes()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationVisit = (await clinic.BookAsync(referralId, "evaluation"))[0];
        var visits = await clinic.BookAsync(referralId, "treatment", 2);
        using var colleague = clinic.Staff("therapist", Guid.NewGuid().ToString(), "10.0.0.8");

        var startEvaluation = await colleague.PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(referralId, evaluationVisit, onBehalfReason: Reason));
        var draft = await Clinic.ReadAsync<EvaluationResponse>(
            await clinic.Therapist.PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(referralId, evaluationVisit)), HttpStatusCode.Created);
        var reviseEvaluation = await colleague.PutJsonAsync($"/api/clinical-notes/evaluations/{draft.Id}", Forms.Evaluation(referralId, evaluationVisit, pain: 2));
        var signEvaluation = await colleague.PostAsync(new Uri($"/api/clinical-notes/evaluations/{draft.Id}/sign", UriKind.Relative), null);
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(clinic.Therapist, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await clinic.Therapist.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await clinic.Therapist.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        var note = await Clinic.ReadAsync<VisitNoteResponse>(await clinic.Therapist.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), HttpStatusCode.Created);

        var startNote = await colleague.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[1]));
        var reviseNote = await colleague.PutJsonAsync($"/api/clinical-notes/visit-notes/{note.Id}", Forms.Note(visits[0], painBefore: 1));
        var signNote = await colleague.PostAsync(new Uri($"/api/clinical-notes/visit-notes/{note.Id}/sign", UriKind.Relative), null);

        foreach (var refused in new[] { startEvaluation, reviseEvaluation, signEvaluation, startNote, reviseNote, signNote })
        {
            var problem = await Clinic.ProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Only the appointment's treating therapist (Tom Therapist) documents this visit.", problem, StringComparison.Ordinal);
        }
        var evaluationNow = await clinic.Service.QueryAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == draft.Id));
        Assert.Equal((7, (DateTimeOffset?)null), (evaluationNow.Content.PainScore, evaluationNow.SignedAt));
        var noteNow = await clinic.Service.QueryAsync(db => db.VisitNotes.AsNoTracking().SingleAsync(n => n.Id == note.Id));
        Assert.Equal((5, (DateTimeOffset?)null), (noteNow.Content.PainBefore, noteNow.SignedAt));
        Assert.False(await clinic.Service.QueryAsync(db => db.VisitNotes.AnyAsync(n => n.AppointmentId == visits[1])));
        Assert.False(await clinic.Service.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ClientAddress == "10.0.0.8")));
    }

    [Fact]
    public async Task A_clinic_admin_documents_for_the_treating_therapist_only_with_a_reason_which_the_audit_keeps()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(clinic.Therapist, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await clinic.Therapist.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await clinic.Therapist.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        var visit = (await clinic.BookAsync(referralId, "treatment"))[0];
        using var admin = clinic.Staff("clinic-admin", "admin-9", "10.0.0.9");

        var withoutReason = await Clinic.ProblemAsync(await admin.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visit)), HttpStatusCode.Forbidden);
        Assert.Contains("a clinic admin documenting for them gives a reason (onBehalfReason)", withoutReason, StringComparison.Ordinal);
        var note = await Clinic.ReadAsync<VisitNoteResponse>(
            await admin.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visit, onBehalfReason: Reason)), HttpStatusCode.Created);
        await Clinic.ReadAsync<VisitNoteResponse>(
            await admin.PutJsonAsync($"/api/clinical-notes/visit-notes/{note.Id}", Forms.Note(visit, painBefore: 4, onBehalfReason: Reason)), HttpStatusCode.OK);
        await Clinic.ProblemAsync(await admin.PostAsync(new Uri($"/api/clinical-notes/visit-notes/{note.Id}/sign", UriKind.Relative), null), HttpStatusCode.Forbidden);
        var signed = await Clinic.ReadAsync<VisitNoteResponse>(
            await admin.PostJsonAsync($"/api/clinical-notes/visit-notes/{note.Id}/sign", new { onBehalfReason = Reason }), HttpStatusCode.OK);

        Assert.Equal(("admin-9", "admin-9", 4, clinic.TherapistId), (signed.CreatedBy, signed.SignedBy, signed.Content.PainBefore, signed.TherapistId));
        var log = await Clinic.ReadAsync<List<AuditEntryResponse>>(
            await admin.GetAsync(new Uri($"/api/clinical-notes/audit?recordId={note.Id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(["create", "update", "sign"], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal(("admin-9", "clinic-admin", Reason), (e.UserId, e.Role, e.Reason)));
    }
}

using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class DeadlineTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_note_unsigned_after_24_hours_is_flagged_once_and_30_days_make_a_re_evaluation_due()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clinic = await Clinic.OpenAsync(infrastructure, service =>
        {
            service.Clock = clock;
            service.Settings["ClinicalNotes:DeadlineScanInterval"] = "00:00:00.200";
        });
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(api, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null);
        var note = await Clinic.ReadAsync<VisitNoteResponse>(
            await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note((await clinic.BookAsync(referralId, "treatment"))[0])), HttpStatusCode.Created);

        clock.Advance(TimeSpan.FromHours(23));
        var notYet = await Clinic.ReadAsync<List<UnsignedNoteResponse>>(await api.GetAsync(new Uri("/api/clinical-notes/visit-notes/unsigned", UriKind.Relative)), HttpStatusCode.OK);
        Assert.DoesNotContain(notYet, n => n.Id == note.Id);

        clock.Advance(TimeSpan.FromHours(2));
        var flagged = await clinic.Probe.WaitForAsync<UnsignedNotesFlagged>(e => e.NoteIds.Contains(note.Id));
        Assert.Equal(clinic.TherapistId, flagged.TherapistId);
        var overdue = await Clinic.ReadAsync<List<UnsignedNoteResponse>>(await api.GetAsync(new Uri("/api/clinical-notes/visit-notes/unsigned", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains(overdue, n => n.Id == note.Id);
        var read = await Clinic.ReadAsync<VisitNoteResponse>(await api.GetAsync(new Uri($"/api/clinical-notes/visit-notes/{note.Id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(read.OverdueForSignature);

        Assert.Equal(0, clinic.Probe.Count<ReEvaluationDue>(e => e.ReferralId == referralId));
        clock.Advance(TimeSpan.FromDays(29));
        var due = await clinic.Probe.WaitForAsync<ReEvaluationDue>(e => e.ReferralId == referralId);
        Assert.Equal((0, clinic.TherapistId), (due.VisitsSinceEvaluation, due.TherapistId));

        // Several scans later each deadline was announced exactly once.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, clinic.Probe.Count<UnsignedNotesFlagged>(e => e.NoteIds.Contains(note.Id)));
        Assert.Equal(1, clinic.Probe.Count<ReEvaluationDue>(e => e.ReferralId == referralId));
    }
}

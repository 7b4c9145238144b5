using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

/// <summary>What the staff app reads: a visit's note by the visit, and outcome figures for managers without any chart.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class StaffAppReadsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_visits_note_is_found_by_the_visit_and_only_at_the_callers_locations()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(api, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null);
        var visit = (await clinic.BookAsync(referralId, "treatment"))[0];

        Assert.Empty(await Clinic.ReadAsync<List<VisitNoteResponse>>(await api.GetAsync(new Uri($"/api/clinical-notes/visit-notes?appointmentId={visit}", UriKind.Relative)), HttpStatusCode.OK));
        var note = await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visit)), HttpStatusCode.Created);
        var found = await Clinic.ReadAsync<List<VisitNoteResponse>>(await api.GetAsync(new Uri($"/api/clinical-notes/visit-notes?appointmentId={visit}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(note.Id, Assert.Single(found).Id);

        using var elsewhere = clinic.Service.CreateClientAs(TestCaller.Therapist(Guid.NewGuid()), "10.0.0.8");
        Assert.Empty(await Clinic.ReadAsync<List<VisitNoteResponse>>(await elsewhere.GetAsync(new Uri($"/api/clinical-notes/visit-notes?appointmentId={visit}", UriKind.Relative)), HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(new Uri("/api/clinical-notes/visit-notes", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_manager_reads_outcome_figures_but_no_patients_chart()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var referralId = await clinic.AcceptReferralAsync();
        using var manager = clinic.Staff("manager", "manager-1", "10.0.0.7");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri($"/api/clinical-notes/outcomes/locations/{clinic.LocationId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri($"/api/clinical-notes/outcomes/therapists/{clinic.TherapistId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(new Uri($"/api/clinical-notes/referrals/{referralId}/outcomes", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(new Uri($"/api/clinical-notes/referrals/{referralId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(new Uri("/api/clinical-notes/visit-notes/unsigned", UriKind.Relative))).StatusCode);
    }
}

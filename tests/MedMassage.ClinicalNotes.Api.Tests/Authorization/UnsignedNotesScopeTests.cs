using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Authorization;

/// <summary>
/// The overdue-unsigned list of a clinician holds their own clinics' notes only. A service of its own with a clock
/// to advance (and no other service consuming the same queues meanwhile).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class UnsignedNotesScopeTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Overdue_unsigned_notes_of_another_clinic_are_left_out_of_the_list()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clinic = await Clinic.OpenAsync(infrastructure, service => service.Clock = clock);
        var other = Guid.NewGuid();
        // The clinic's therapist treats at both locations, so documents both visits.
        using var ofBoth = clinic.Service.CreateClientAs(TestCaller.Therapist(clinic.LocationId, other) with { Subject = clinic.TherapistId.ToString() });
        var ours = await DraftNoteAsync(clinic, ofBoth, clinic.LocationId);
        var theirs = await DraftNoteAsync(clinic, ofBoth, other);
        clock.Advance(TimeSpan.FromHours(25));

        var forA = await Clinic.ReadAsync<List<UnsignedNoteResponse>>(await clinic.Therapist.GetAsync("/api/clinical-notes/visit-notes/unsigned"), HttpStatusCode.OK);
        var forBoth = await Clinic.ReadAsync<List<UnsignedNoteResponse>>(await ofBoth.GetAsync("/api/clinical-notes/visit-notes/unsigned"), HttpStatusCode.OK);

        Assert.Equal([ours], forA.Select(n => n.Id));
        Assert.Equal(new[] { ours, theirs }.Order(), forBoth.Select(n => n.Id).Order());
    }

    private static async Task<Guid> DraftNoteAsync(Clinic clinic, HttpClient therapist, Guid location)
    {
        var referral = await clinic.AcceptReferralAsync(locationId: location);
        var evaluation = await CourseOfCareTests.EvaluatedAsync(therapist, referral, (await clinic.BookAsync(referral, "evaluation", locationId: location))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await therapist.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluation)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await therapist.PostAsync($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", null), HttpStatusCode.OK);
        var visit = (await clinic.BookAsync(referral, "treatment", locationId: location))[0];
        return (await Clinic.ReadAsync<VisitNoteResponse>(await therapist.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visit)), HttpStatusCode.Created)).Id;
    }
}

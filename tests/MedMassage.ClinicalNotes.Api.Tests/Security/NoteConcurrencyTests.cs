using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Security;

/// <summary>
/// A revise racing a sign could leave signed content the signer never saw. A note now has a row version: its ETag,
/// checked by If-Match on revise and sign, and by the database when the two race without one.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class NoteConcurrencyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Signing_the_version_one_read_is_refused_once_the_note_was_revised_since()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var (api, visits) = await ReadyForNotesAsync(clinic, 1);
        using var created = await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0], painBefore: 6));
        var note = await Clinic.ReadAsync<VisitNoteResponse>(created, HttpStatusCode.Created);
        var read = (await api.GetAsync($"/api/clinical-notes/visit-notes/{note.Id}")).Headers.ETag!;
        Assert.Equal(read, created.Headers.ETag); // the writer holds the version it wrote

        var revised = await SendAsync(api, HttpMethod.Put, $"/api/clinical-notes/visit-notes/{note.Id}", Forms.Note(visits[0], painBefore: 4), read);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.NotEqual(read, revised.Headers.ETag);

        var stale = await SendAsync(api, HttpMethod.Post, $"/api/clinical-notes/visit-notes/{note.Id}/sign", new { }, read);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Null((await Clinic.ReadAsync<VisitNoteResponse>(await api.GetAsync($"/api/clinical-notes/visit-notes/{note.Id}"), HttpStatusCode.OK)).SignedAt);

        var signed = await SendAsync(api, HttpMethod.Post, $"/api/clinical-notes/visit-notes/{note.Id}/sign", new { }, revised.Headers.ETag!);
        Assert.Equal(4, (await Clinic.ReadAsync<VisitNoteResponse>(signed, HttpStatusCode.OK)).Content.PainBefore);
    }

    [Fact]
    public async Task A_revise_racing_a_sign_never_leaves_signed_content_other_than_the_last_accepted_revision()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var (api, visits) = await ReadyForNotesAsync(clinic, 8);
        foreach (var visit in visits)
        {
            var note = await Clinic.ReadAsync<VisitNoteResponse>(await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visit, painBefore: 6)), HttpStatusCode.Created);

            var revise = api.PutAsJsonAsync($"/api/clinical-notes/visit-notes/{note.Id}", Forms.Note(visit, painBefore: 2));
            var sign = api.PostAsJsonAsync($"/api/clinical-notes/visit-notes/{note.Id}/sign", new { });
            var (revised, signed) = (await revise, await sign);

            Assert.True(signed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"sign: {(int)signed.StatusCode}");
            Assert.True(revised.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"revise: {(int)revised.StatusCode}");
            var final = await Clinic.ReadAsync<VisitNoteResponse>(await api.GetAsync($"/api/clinical-notes/visit-notes/{note.Id}"), HttpStatusCode.OK);
            if (signed.StatusCode == HttpStatusCode.OK && revised.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(2, final.Content.PainBefore); // both accepted: the revision came first and is what was signed
            }
            Assert.Equal(revised.StatusCode == HttpStatusCode.OK ? 2 : 6, final.Content.PainBefore);
        }
    }

    private static async Task<(HttpClient Api, Guid[] Visits)> ReadyForNotesAsync(Clinic clinic, int visits)
    {
        var api = clinic.Therapist;
        var referral = await clinic.AcceptReferralAsync();
        var evaluation = await CourseOfCareTests.EvaluatedAsync(api, referral, (await clinic.BookAsync(referral, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluation)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        return (api, await clinic.BookAsync(referral, "treatment", visits));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string url, object body, EntityTagHeaderValue ifMatch)
    {
        var message = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        message.Headers.IfMatch.Add(ifMatch);
        return api.SendAsync(message);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Tests.Authorization;

/// <summary>A token the service cannot trust is no token: 401 as ProblemDetails, and nothing changes or is read.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BadTokenTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Theory]
    [MemberData(nameof(BadTokens.Kinds), MemberType = typeof(BadTokens))]
    public async Task A_bad_token_gets_401_problem_details_and_changes_nothing(string kind)
    {
        var world = await clinics.StartAsync(infrastructure);
        var note = await world.FreshDraftNoteAsync(world.A);
        var addendaBefore = await world.Service.QueryAsync(db => db.Addenda.CountAsync(a => a.NoteId == world.A.SignedNote));
        // Everything else about the caller would be allowed: the note's treating therapist.
        var token = BadTokens.For(kind, world.TreatingTherapist(world.A));
        using var http = world.Service.CreateClientWithToken(token); // none at all for "no token"

        var sign = await http.PostAsync($"/api/clinical-notes/visit-notes/{note}/sign", null);
        var addendum = await http.PostJsonAsync($"/api/clinical-notes/visit-notes/{world.A.SignedNote}/addenda", new { reason = "Forged", text = "Not written by staff." });
        var read = await http.GetAsync($"/api/clinical-notes/visit-notes/{note}");

        foreach (var response in new[] { sign, addendum, read })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
        Assert.Null(await world.Service.QueryAsync(db => db.VisitNotes.Where(n => n.Id == note).Select(n => n.SignedAt).SingleAsync()));
        Assert.Equal(addendaBefore, await world.Service.QueryAsync(db => db.Addenda.CountAsync(a => a.NoteId == world.A.SignedNote)));
        // Only the set-up's own "create" is on record for the note: no read, no signature.
        Assert.Equal(["create"], await world.Service.QueryAsync(db => db.AuditEntries.Where(e => e.RecordId == note).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task The_same_request_with_a_properly_signed_token_is_accepted()
    {
        var world = await clinics.StartAsync(infrastructure);
        var note = await world.FreshDraftNoteAsync(world.A);
        using var http = world.Service.CreateClientWithToken(TestTokens.For(world.TreatingTherapist(world.A)));

        var sign = await http.PostAsync($"/api/clinical-notes/visit-notes/{note}/sign", null);

        Assert.Equal(HttpStatusCode.OK, sign.StatusCode);
        Assert.NotNull(await world.Service.QueryAsync(db => db.VisitNotes.Where(n => n.Id == note).Select(n => n.SignedAt).SingleAsync()));
    }

    [Fact]
    public async Task Forged_identity_headers_change_nothing()
    {
        var world = await clinics.StartAsync(infrastructure);
        var caller = TestCaller.Therapist(world.A.Location) with { Subject = "therapist-with-headers", ClientId = "medmassage-staff-web" };
        using var therapist = world.Service.CreateClientAs(caller);
        using var desk = world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location));
        foreach (var http in new[] { therapist, desk })
        {
            foreach (var (name, value) in new[]
            {
                ("X-User-Role", "clinic-admin"), ("X-Role", "clinic-admin"), ("X-User-Id", "someone-else"), ("X-Test-User", "admin-1"),
                ("X-Test-Role", "clinic-admin"), ("X-Location-Id", world.B.Location.ToString()), ("X-Locations", world.B.Location.ToString()),
                ("X-Forwarded-User", "admin"), ("X-Client-Id", "st-marys-ehr"), ("X-Npi", world.B.PhysicianNpi),
            })
            {
                http.DefaultRequestHeaders.Add(name, value);
            }
        }
        var addendaBefore = await world.Service.QueryAsync(db => db.Addenda.CountAsync(a => a.NoteId == world.B.SignedNote));

        // The audit log stays the admins'; B's records stay B's; the front desk still reads no clinical content.
        var audit = await therapist.GetAsync("/api/clinical-notes/audit");
        var otherNote = await therapist.GetAsync($"/api/clinical-notes/visit-notes/{world.B.SignedNote}");
        var otherAddendum = await therapist.PostJsonAsync($"/api/clinical-notes/visit-notes/{world.B.SignedNote}/addenda", new { reason = "Forged", text = "Headers said admin." });
        var deskRead = await desk.GetAsync($"/api/clinical-notes/visit-notes/{world.A.SignedNote}");
        var ownNote = await therapist.GetAsync($"/api/clinical-notes/visit-notes/{world.A.SignedNote}");

        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherNote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAddendum.StatusCode);
        Assert.Equal(addendaBefore, await world.Service.QueryAsync(db => db.Addenda.CountAsync(a => a.NoteId == world.B.SignedNote)));
        Assert.Equal(HttpStatusCode.Forbidden, deskRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownNote.StatusCode);
        // The read is on record as the token says, not as the headers claim.
        var log = await Clinic.ReadAsync<List<AuditEntryResponse>>(
            await world.Admin.GetAsync($"/api/clinical-notes/audit?recordId={world.A.SignedNote}&action=read&limit=500"), HttpStatusCode.OK);
        var entry = Assert.Single(log, e => e.UserId == "therapist-with-headers");
        Assert.Equal(("therapist", "medmassage-staff-web"), (entry.Role, entry.ClientId));
        Assert.DoesNotContain(log, e => e.UserId is "someone-else" or "admin-1" or "admin");
    }
}

using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.ClinicalNotes.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Tests.Authorization;

/// <summary>Clinicians of clinic A see and change nothing of clinic B: B's records answer 404 one by one and are absent from lists.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CrossLocationTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Fact]
    public async Task A_therapist_of_A_gets_404_for_every_record_of_B()
    {
        var world = await clinics.StartAsync(infrastructure);
        var caller = TestCaller.Therapist(world.A.Location);
        using var therapist = world.Service.CreateClientAs(caller);
        string[] records(ClinicRecords c) =>
        [
            $"/api/clinical-notes/referrals/{c.Referral}", $"/api/clinical-notes/evaluations/{c.Evaluation}", $"/api/clinical-notes/evaluations/{c.DraftEvaluation}",
            $"/api/clinical-notes/treatment-plans/{c.Plan}", $"/api/clinical-notes/treatment-plans/{c.Plan}/versions/1", $"/api/clinical-notes/visit-notes/{c.SignedNote}",
            $"/api/clinical-notes/visit-notes/{c.DraftNote}", $"/api/clinical-notes/documents/{c.Document}", $"/api/clinical-notes/referrals/{c.Referral}/outcomes",
            $"/api/clinical-notes/outcomes/locations/{c.Location}",
        ];

        foreach (var url in records(world.A))
        {
            var response = await therapist.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        foreach (var url in records(world.B))
        {
            var response = await therapist.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            // The same record is there: the admin of both clinics reads it.
            Assert.True((await world.Admin.GetAsync(url)).IsSuccessStatusCode, $"{url} should exist");
        }
        // A refused look is no read of the record.
        Assert.False(await world.Service.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ReferralId == world.B.Referral && e.UserId == caller.Subject)));
    }

    [Fact]
    public async Task A_therapist_of_A_changes_nothing_of_B()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var therapist = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));
        var b = world.B;
        var before = await SnapshotAsync(world.Service, b);

        var attempts = new[]
        {
            await therapist.PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(b.SpareReferral, b.SpareEvaluationVisit)),
            await therapist.PutJsonAsync($"/api/clinical-notes/evaluations/{b.DraftEvaluation}", Forms.Evaluation(b.Referral, b.ReEvaluationVisit, pain: 1, findings: [], kind: "ReEvaluation")),
            await therapist.PostAsync($"/api/clinical-notes/evaluations/{b.DraftEvaluation}/sign", null),
            await therapist.PostAsync($"/api/clinical-notes/treatment-plans/{b.Plan}/activate", null),
            await therapist.PostJsonAsync($"/api/clinical-notes/treatment-plans/{b.Plan}/certifications", new { certifiedBy = "Dr. Nobody" }),
            await therapist.PostJsonAsync($"/api/clinical-notes/treatment-plans/{b.Plan}/revisions", new
            {
                techniques = new[] { "Massage" }, bodyRegions = new[] { "neck" }, sessionsPerWeek = 1, weeks = 4, visitCount = 4,
                goals = new[] { new { description = "Pain at most 2/10", metric = "pain", target = 2 } }, reason = "Not ours to change",
            }),
            await therapist.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(b.SpareVisit)),
            await therapist.PutJsonAsync($"/api/clinical-notes/visit-notes/{b.DraftNote}", Forms.Note(b.DraftNoteVisit, painBefore: 1)),
            await therapist.PostAsync($"/api/clinical-notes/visit-notes/{b.DraftNote}/sign", null),
            await therapist.PostJsonAsync($"/api/clinical-notes/visit-notes/{b.SignedNote}/addenda", new { reason = "Not ours", text = "Should not be stored." }),
            await therapist.PostAsync($"/api/clinical-notes/referrals/{b.Referral}/progress-reports", null),
            await therapist.PostJsonAsync($"/api/clinical-notes/referrals/{b.Referral}/discharge", new { reason = "Not ours" }),
        };

        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(before, await SnapshotAsync(world.Service, b));
    }

    [Fact]
    public async Task Lists_and_aggregates_show_only_the_callers_clinics()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var adminOfA = world.Service.CreateClientAs(TestCaller.ClinicAdmin(world.A.Location));
        using var therapistOfA = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));
        Guid[] referralsOfB = [world.B.Referral, world.B.SpareReferral];

        var auditOfA = await Clinic.ReadAsync<List<AuditEntryResponse>>(await adminOfA.GetAsync("/api/clinical-notes/audit?limit=500"), HttpStatusCode.OK);
        var auditOfB = await Clinic.ReadAsync<List<AuditEntryResponse>>(await adminOfA.GetAsync($"/api/clinical-notes/audit?referralId={world.B.Referral}"), HttpStatusCode.OK);
        var auditOfBoth = await Clinic.ReadAsync<List<AuditEntryResponse>>(await world.Admin.GetAsync("/api/clinical-notes/audit?limit=500"), HttpStatusCode.OK);
        Assert.Contains(auditOfA, e => e.ReferralId == world.A.Referral);
        Assert.DoesNotContain(auditOfA, e => e.ReferralId is { } r && referralsOfB.Contains(r));
        Assert.Empty(auditOfB);
        Assert.Contains(auditOfBoth, e => e.ReferralId == world.B.Referral);

        var chainOfA = await Clinic.ReadAsync<List<OutcomeAggregateResponse>>(await therapistOfA.GetAsync("/api/clinical-notes/outcomes/locations"), HttpStatusCode.OK);
        var chainOfBoth = await Clinic.ReadAsync<List<OutcomeAggregateResponse>>(await world.Admin.GetAsync("/api/clinical-notes/outcomes/locations"), HttpStatusCode.OK);
        Assert.Equal([world.A.Location], chainOfA.Select(o => o.Id));
        Assert.Equal(1, Assert.Single(chainOfA).Referrals);
        Assert.Equal(new[] { world.A.Location, world.B.Location }.Order(), chainOfBoth.Select(o => o.Id).Order());

        var bsTherapistForA = await Clinic.ReadAsync<OutcomeAggregateResponse>(await therapistOfA.GetAsync($"/api/clinical-notes/outcomes/therapists/{world.B.Therapist}"), HttpStatusCode.OK);
        var bsTherapistForBoth = await Clinic.ReadAsync<OutcomeAggregateResponse>(await world.Admin.GetAsync($"/api/clinical-notes/outcomes/therapists/{world.B.Therapist}"), HttpStatusCode.OK);
        Assert.Equal((0, 1), (bsTherapistForA.Referrals, bsTherapistForBoth.Referrals));
    }

    [Fact]
    public async Task A_referral_sent_to_no_location_belongs_to_the_clinic_where_it_is_booked()
    {
        var world = await clinics.StartAsync(infrastructure);
        var referral = await world.Clinic.AcceptReferralAsync(withoutLocation: true);
        using var therapistOfA = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));
        using var therapistOfB = world.Service.CreateClientAs(TestCaller.Therapist(world.B.Location));

        var beforeBooking = await therapistOfA.GetAsync($"/api/clinical-notes/referrals/{referral}");
        await world.Clinic.BookAsync(referral, "evaluation", locationId: world.A.Location, therapistId: world.A.Therapist);

        Assert.Equal(HttpStatusCode.NotFound, beforeBooking.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapistOfA.GetAsync($"/api/clinical-notes/referrals/{referral}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await therapistOfB.GetAsync($"/api/clinical-notes/referrals/{referral}")).StatusCode);
    }

    [Fact]
    public async Task A_physician_reads_their_own_patients_reports_only_and_each_read_is_audited()
    {
        var world = await clinics.StartAsync(infrastructure);
        var caller = TestCaller.Physician(world.A.PhysicianNpi) with { Subject = "dr-lee", ClientId = "lee-orthopedics-portal" };
        using var physician = world.Service.CreateClientAs(caller, "203.0.113.9");

        var own = await physician.GetAsync($"/api/clinical-notes/documents/{world.A.Document}");
        var other = await physician.GetAsync($"/api/clinical-notes/documents/{world.B.Document}");
        // Reports only: the clinical record behind them is the clinicians'.
        var evaluation = await physician.GetAsync($"/api/clinical-notes/evaluations/{world.A.Evaluation}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("<h1>Progress report</h1>", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, evaluation.StatusCode);
        var log = await Clinic.ReadAsync<List<AuditEntryResponse>>(await world.Admin.GetAsync($"/api/clinical-notes/audit?userId=dr-lee&limit=500"), HttpStatusCode.OK);
        var read = Assert.Single(log);
        Assert.Equal(("read", "document", world.A.Document), (read.Action, read.RecordType, read.RecordId));
        Assert.Equal(("referring-physician", "lee-orthopedics-portal", "203.0.113.9"), (read.Role, read.ClientId, read.ClientAddress));
    }

    /// <summary>Everything about clinic B's records an attempt could have changed.</summary>
    private static Task<string> SnapshotAsync(ClinicalNotesService service, ClinicRecords b) => service.QueryAsync(async db =>
    {
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == b.Referral);
        var draftEvaluation = await db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == b.DraftEvaluation);
        var plans = await db.TreatmentPlans.AsNoTracking().Where(p => p.Id == b.Plan).OrderBy(p => p.Version).ToListAsync();
        var draftNote = await db.VisitNotes.AsNoTracking().SingleAsync(n => n.Id == b.DraftNote);
        return string.Join(" | ",
            $"discharged {referral.DischargedAt}, signed visits {referral.SignedVisits}",
            $"evaluations of spare referral {await db.Evaluations.CountAsync(e => e.ReferralId == b.SpareReferral)}",
            $"draft evaluation pain {draftEvaluation.Content.PainScore}, signed {draftEvaluation.SignedAt}",
            $"plan versions {string.Join(',', plans.Select(p => $"{p.Version}:{p.Status}:{p.Certifications.Count}"))}, active {plans.Count(p => p.Status == PlanStatus.Active)}",
            $"notes {await db.VisitNotes.CountAsync(n => n.ReferralId == b.Referral)}, draft pain {draftNote.Content.PainBefore}, signed {draftNote.SignedAt}",
            $"addenda {await db.Addenda.CountAsync(a => a.NoteId == b.SignedNote)}",
            $"documents {await db.Documents.CountAsync(d => d.ReferralId == b.Referral)}");
    });
}

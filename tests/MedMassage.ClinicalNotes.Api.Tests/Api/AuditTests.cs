using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Testing;
using Npgsql;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class AuditTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Every_read_and_write_of_a_clinical_record_is_audited_and_only_admins_query_the_log()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(api, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null);
        var note = await Clinic.ReadAsync<VisitNoteResponse>(
            await api.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note((await clinic.BookAsync(referralId, "treatment"))[0])), HttpStatusCode.Created);
        var report = await Clinic.ReadAsync<DocumentResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/referrals/{referralId}/progress-reports", UriKind.Relative), null), HttpStatusCode.Created);

        // Another therapist, at another workstation and through the staff web app, reads each kind of record.
        using var reader = clinic.Staff("therapist", "therapist-3", "192.168.7.21", clientId: "medmassage-staff-web");
        var reads = new (string Url, Guid Record)[]
        {
            ($"/api/clinical-notes/evaluations/{evaluationId}", evaluationId),
            ($"/api/clinical-notes/treatment-plans/{plan.Id}", plan.Id),
            ($"/api/clinical-notes/visit-notes/{note.Id}", note.Id),
            ($"/api/clinical-notes/documents/{report.Id}", report.Id),
            ($"/api/clinical-notes/referrals/{referralId}", referralId),
        };
        foreach (var (url, _) in reads)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        // The front desk reads no clinical content at all; only admins read the audit log.
        using var desk = clinic.Staff("front-desk", "frontdesk-3", "192.168.7.22");
        foreach (var (url, _) in reads)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(new Uri("/api/clinical-notes/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync(new Uri("/api/clinical-notes/audit", UriKind.Relative))).StatusCode);
        using var admin = clinic.Staff("clinic-admin", "admin-1", "10.20.30.40");
        var log = await Clinic.ReadAsync<List<AuditEntryResponse>>(
            await admin.GetAsync(new Uri($"/api/clinical-notes/audit?referralId={referralId}&limit=500", UriKind.Relative)), HttpStatusCode.OK);

        foreach (var (url, record) in reads)
        {
            Assert.True(log.Any(e => e is { Action: "read", UserId: "therapist-3", Role: "therapist", ClientId: "medmassage-staff-web", ClientAddress: "192.168.7.21" }
                && e.RecordId == record), $"No audited read of {url}");
        }
        Assert.DoesNotContain(log, e => e.UserId == "frontdesk-3");
        Assert.Contains(log, e => e is { Action: "create", RecordType: "evaluation", Role: "therapist", ClientAddress: "10.0.0.7", Reason: null }
            && e.RecordId == evaluationId && e.UserId == clinic.TherapistId.ToString());
        Assert.Contains(log, e => e is { Action: "sign", RecordType: "evaluation" } && e.RecordId == evaluationId);
        Assert.Contains(log, e => e is { Action: "create", RecordType: "visit-note" } && e.RecordId == note.Id);
        Assert.Contains(log, e => e is { Action: "issue", RecordType: "document" } && e.RecordId == report.Id);

        var byUser = await Clinic.ReadAsync<List<AuditEntryResponse>>(
            await admin.GetAsync(new Uri($"/api/clinical-notes/audit?userId=therapist-3&recordId={note.Id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("read", Assert.Single(byUser).Action);
    }

    [Fact]
    public async Task The_audit_log_is_append_only_in_the_database()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var referralId = await clinic.AcceptReferralAsync();
        Assert.Equal(HttpStatusCode.OK, (await clinic.Therapist.GetAsync(new Uri($"/api/clinical-notes/referrals/{referralId}", UriKind.Relative))).StatusCode);

        await using var sql = new NpgsqlConnection(clinic.Service.DatabaseConnectionString);
        await sql.OpenAsync();
        foreach (var statement in new[] { "UPDATE audit_entries SET user_id = 'someone-else'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
        {
            await using var command = new NpgsqlCommand(statement, sql);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE user_id = @user AND action = 'read'", sql);
        count.Parameters.AddWithValue("user", clinic.TherapistId.ToString());
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}

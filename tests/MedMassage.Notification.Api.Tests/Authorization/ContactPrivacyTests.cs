using System.Net.Http.Json;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Domain.Audit;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MedMassage.Notification.Api.Tests.Authorization;

/// <summary>
/// Message texts and patients' addresses are PHI: ops trace deliveries without seeing them, clinic staff see them
/// for their locations, and every showing of a patient's email or phone is in an append-only audit trail.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ContactPrivacyTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Fact]
    public async Task Ops_trace_every_delivery_without_reading_texts_or_patient_contacts()
    {
        var world = await clinics.StartAsync(infrastructure);
        var ops = TestCaller.Ops();
        using var http = world.Service.CreateClientAs(ops);

        var log = await http.MessagesAsync("limit=500");
        var mail = await http.MessageAsync(world.A.EmailMessage);
        var alert = await http.MessageAsync(world.B.FailureAlert);
        var raw = await http.GetStringAsync($"{Route.Prefix}/messages?limit=500") + await http.GetStringAsync($"{Route.Prefix}/messages/{world.A.EmailMessage}")
            + await http.GetStringAsync($"{Route.Prefix}/messages/{world.B.FailureAlert}") + await http.GetStringAsync($"{Route.Prefix}/dev/sms");
        var sms = await http.GetFromJsonAsync<List<SmsSinkEntry>>($"{Route.Prefix}/dev/sms") ?? [];

        Assert.Subset(log.Select(m => m.Id).ToHashSet(), new HashSet<Guid> { world.A.EmailMessage, world.B.EmailMessage, world.B.SmsMessage, world.ChainWideAlert });
        Assert.All(log, m => Assert.Null(m.Recipient));
        Assert.Equal(("sent", 2), (mail.Message.Status, mail.Message.Attempts));
        Assert.Equal((null, null), (mail.Subject, mail.Body));
        Assert.Equal((null, null), (alert.Subject, alert.Body));
        Assert.Contains(mail.Log, e => e.Status == "attempt-failed" && e.Detail!.Contains($"<{MessageSummary.Masked}>", StringComparison.Ordinal));
        Assert.Equal(new[] { world.A.SmsMessage, world.B.SmsMessage }.Select(id => id.ToString()).Order(), sms.Select(s => s.Reference).Order());
        Assert.All(sms, s => Assert.Equal((null, null), (s.To, s.Body)));
        foreach (var secret in new[] { world.A.PatientEmail, world.A.PatientPhone, world.B.PatientEmail, world.B.PatientPhone, "text for" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty(await http.MessagesAsync($"recipient={Uri.EscapeDataString(world.A.PatientEmail)}"));
        Assert.Empty(await AuditOfAsync(world, ops));
    }

    [Fact]
    public async Task Every_showing_of_a_patients_contact_is_audited_with_who_role_client_time_record_and_action()
    {
        var world = await clinics.StartAsync(infrastructure);
        var admin = TestCaller.ClinicAdmin(world.A.Location) with { ClientId = "staff-web" };
        var therapist = TestCaller.Therapist(world.A.Location);
        using var adminHttp = world.Service.CreateClientAs(admin);
        using var therapistHttp = world.Service.CreateClientAs(therapist);
        var before = DateTimeOffset.UtcNow;

        var mail = await adminHttp.MessageAsync(world.A.EmailMessage);
        var sms = await adminHttp.GetFromJsonAsync<List<SmsSinkEntry>>($"{Route.Prefix}/dev/sms");
        var inbox = await therapistHttp.InboxAsync(world.A.StaffInbox);
        var found = await adminHttp.MessagesAsync($"recipient={Uri.EscapeDataString(world.A.PatientEmail)}");

        Assert.Equal((world.A.PatientEmail, true), (mail.Message.Recipient, mail.Body!.Contains(world.A.PatientEmail, StringComparison.Ordinal)));
        Assert.Equal(world.A.PatientPhone, Assert.Single(sms!).To);
        Assert.Equal(world.A.EmailMessage, Assert.Single(found).Id);
        Assert.Contains(world.A.PatientEmail, inbox.Single(i => i.Id == world.A.FailureAlert).Body, StringComparison.Ordinal);

        var adminReads = await AuditOfAsync(world, admin);
        Assert.Equal(
            [("message", world.A.EmailMessage), ("sms", world.A.SmsMessage), ("message", world.A.EmailMessage)],
            adminReads.Select(e => (e.RecordType, e.RecordId)));
        Assert.All(adminReads, e =>
        {
            Assert.Equal((admin.Name, "clinic-admin", "staff-web", world.A.Patient, ContactAuditEntry.ReadContact),
                (e.UserName, e.Role, e.ClientId, e.PatientId, e.Action));
            Assert.InRange(e.At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        });
        var therapistRead = Assert.Single(await AuditOfAsync(world, therapist));
        Assert.Equal(("staff-alert", world.A.FailureAlert, world.A.Patient, "therapist"),
            (therapistRead.RecordType, therapistRead.RecordId, therapistRead.PatientId, therapistRead.Role));
    }

    [Fact]
    public async Task The_audit_trail_is_append_only_in_the_database_itself()
    {
        var world = await clinics.StartAsync(infrastructure);
        var admin = TestCaller.ClinicAdmin(world.A.Location);
        using var http = world.Service.CreateClientAs(admin);
        await http.MessagesAsync("limit=500");
        var written = await AuditOfAsync(world, admin);
        Assert.Equal(2, written.Count);

        await using var connection = new NpgsqlConnection(world.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        foreach (var change in new[] { "UPDATE contact_audit SET role = 'ops'", "DELETE FROM contact_audit", "TRUNCATE contact_audit" })
        {
            await using var command = new NpgsqlCommand(change, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, refused.SqlState);
        }

        Assert.Equivalent(written, await AuditOfAsync(world, admin));
    }

    private static async Task<List<ContactAuditEntry>> AuditOfAsync(TwoClinics world, TestCaller caller)
    {
        await using var scope = world.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        return await db.ContactAudit.AsNoTracking().Where(e => e.UserId == caller.Subject).OrderBy(e => e.Id).ToListAsync();
    }
}

using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MedMassage.ClinicalNotes.Api.Tests.Security;

/// <summary>
/// The service used to connect as the PostgreSQL superuser, so the triggers that keep signed notes and the audit
/// append-only bound nothing: its own login could switch them off. It now runs as a role that only reads and writes rows.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DatabaseRoleTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData("ALTER TABLE visit_notes DISABLE TRIGGER visit_notes_signed_are_immutable")]
    [InlineData("DROP TRIGGER audit_entries_append_only ON audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER USER")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("CREATE TABLE shadow_notes (id uuid)")]
    [InlineData("CREATE OR REPLACE FUNCTION reject_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'")]
    [InlineData("ALTER ROLE CURRENT_USER SUPERUSER")]
    public async Task The_services_own_login_cannot_unbind_the_database(string sql)
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        await using var connection = new NpgsqlConnection(ServiceConnectionString(clinic));
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_service_runs_as_a_role_that_owns_nothing_and_migrates_as_the_owner()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        await using var connection = new NpgsqlConnection(ServiceConnectionString(clinic));
        await connection.OpenAsync();

        await using var facts = new NpgsqlCommand("""
            SELECT current_user, r.rolsuper,
                   (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = r.oid),
                   (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                      AND pg_get_userbyid(c.relowner) = current_database() || '_owner')
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await facts.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.EndsWith("_app", reader.GetString(0), StringComparison.Ordinal);
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(0, reader.GetInt64(2));
        Assert.True(reader.GetInt64(3) >= 10, $"the owner owns {reader.GetInt64(3)} tables"); // every table the migrations made
    }

    // The login the running service was given, exactly as it reads it.
    private static string ServiceConnectionString(Clinic clinic) =>
        clinic.Service.Services.GetRequiredService<IConfiguration>().GetConnectionString("clinicalnotesdb")!;
}

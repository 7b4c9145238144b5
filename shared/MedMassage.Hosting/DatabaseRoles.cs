using System.Security.Cryptography;
using Npgsql;

namespace MedMassage.Hosting;

/// <summary>The two logins of a service's database: the owner that migrates it, and the running service's.</summary>
public sealed record DatabaseLogins(string Owner, string App);

/// <summary>
/// Sets a service's database up the least-privilege way. The owner role owns the schema and runs the migrations; the
/// service runs as an app role that may read and write rows and nothing else: it owns no table, so it cannot disable
/// or drop the triggers that keep signed records and audit rows immutable, and it has no TRUNCATE and no CREATE.
/// Idempotent; run with an administrator's connection (the AppHost does it for its local server; docs/deployment.md
/// has the same SQL for a managed server).
/// </summary>
public static class DatabaseRoles
{
    private const long LockKey = 0x4D4D526F6C6573; // "MMRoles"

    public static string OwnerRole(string database) => $"{database}_owner";

    public static string AppRole(string database) => $"{database}_app";

    /// <summary>A password of hex digits, so it needs no quoting in the DDL (which takes no parameters).</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static async Task<DatabaseLogins> EnsureAsync(string adminConnectionString, string database, string ownerPassword, string appPassword,
        CancellationToken ct = default)
    {
        var (owner, app) = (OwnerRole(database), AppRole(database));
        if (owner.Length > 63 || !database.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{database}' cannot name roles: letters, digits and '_' only, 57 characters at most.", nameof(database));
        }
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = "postgres", Pooling = false };
        await using var server = new NpgsqlConnection(admin.ConnectionString);
        await server.OpenAsync(ct);
        // One setup at a time on the whole server, whichever process runs it: role and grant changes of several
        // databases at once can collide in the shared catalogs ("tuple concurrently updated").
        await ExecuteAsync(server, $"SELECT pg_advisory_lock({LockKey})", ct);
        await ExecuteAsync(server, $"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{owner}') THEN CREATE ROLE "{owner}"; END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{app}') THEN CREATE ROLE "{app}"; END IF;
            END $$;
            ALTER ROLE "{owner}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{ownerPassword}';
            ALTER ROLE "{app}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '{appPassword}';
            """, ct);
        await CreateDatabaseAsync(server, database, owner, ct);

        await using (var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString))
        {
            await db.OpenAsync(ct);
            await ExecuteAsync(db, $"""
                ALTER SCHEMA public OWNER TO "{owner}";
                REVOKE ALL ON SCHEMA public FROM PUBLIC;
                GRANT USAGE ON SCHEMA public TO "{app}";
                REVOKE ALL ON DATABASE "{database}" FROM PUBLIC;
                GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO "{app}";
                -- A database kept from before the roles existed: its tables and functions move to the owner.
                DO $$ DECLARE o record; BEGIN
                    FOR o IN SELECT format('ALTER TABLE public.%I OWNER TO "{owner}"', c.relname) AS sql FROM pg_class c
                             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
                               AND c.relowner <> '{owner}'::regrole
                             UNION ALL
                             SELECT format('ALTER FUNCTION %s OWNER TO "{owner}"', p.oid::regprocedure) FROM pg_proc p
                             WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '{owner}'::regrole
                               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') -- an extension's own
                    LOOP EXECUTE o.sql; END LOOP;
                END $$;
                ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{app}";
                ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "{app}";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{app}";
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{app}";
                """, ct);
        }

        return new DatabaseLogins(Login(adminConnectionString, database, owner, ownerPassword), Login(adminConnectionString, database, app, appPassword));
    }

    private static string Login(string adminConnectionString, string database, string role, string password) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, Username = role, Password = password }.ConnectionString;

    private static async Task CreateDatabaseAsync(NpgsqlConnection server, string database, string owner, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            await ExecuteAsync(server, $"""ALTER DATABASE "{database}" OWNER TO "{owner}" """, ct);
            return;
        }
        try
        {
            await ExecuteAsync(server, $"""CREATE DATABASE "{database}" OWNER "{owner}" """, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            await ExecuteAsync(server, $"""ALTER DATABASE "{database}" OWNER TO "{owner}" """, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;

namespace MedMassage.EndToEnd.Tests;

/// <summary>In the whole suite, each service reaches its database only as that database's app role (DatabaseRoles).</summary>
[Collection(SuiteCollection.Name)]
public sealed class DatabaseLoginTests(SuiteFixture suite)
{
    [Fact]
    public async Task Every_service_is_connected_to_its_database_as_its_app_role_and_nothing_else()
    {
        await using var admin = new NpgsqlConnection(await suite.Suite.ConnectionStringAsync("postgres"));
        await admin.OpenAsync();
        await using var sessions = new NpgsqlCommand("""
            SELECT datname, usename, count(*) FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND datname = ANY(@databases) AND pid <> pg_backend_pid()
            GROUP BY datname, usename
            """, admin);
        var databases = DatabaseSnapshot.Databases;
        sessions.Parameters.AddWithValue("databases", databases);
        var seen = new List<(string Database, string User, long Count)>();
        await using (var reader = await sessions.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        Assert.All(databases, db => Assert.Contains(seen, s => s.Database == db)); // each service is connected
        Assert.All(seen, s => Assert.Equal($"{s.Database}_app", s.User));
    }
}

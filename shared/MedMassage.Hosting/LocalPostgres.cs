using Npgsql;

namespace MedMassage.Hosting;

/// <summary>PostgreSQL from Debian's <c>postgresql</c> package; one server, a database per service.</summary>
public sealed class LocalPostgres(string stateDirectory, bool durable = false) : LocalServer("postgres", stateDirectory)
{
    private const string User = "postgres";
    private string ClusterDirectory => Path.Combine(DataDirectory, "data");
    private string SocketDirectory => Path.Combine(DataDirectory, "socket");

    public override string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password=postgres";

    public override async Task StartAsync(CancellationToken ct)
    {
        var bin = Binaries.PostgresBinDirectory();
        Directory.CreateDirectory(SocketDirectory);
        if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            Directory.CreateDirectory(ClusterDirectory);
            await ChownAsync(User, DataDirectory);
            var (file, args) = AsUser(User, Path.Combine(bin, "initdb"), "-D", ClusterDirectory, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C", "--no-sync");
            await RunAsync(file, args);
        }
        await ChownAsync(User, DataDirectory);

        string[] settings = ["-D", ClusterDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", SocketDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"];
        // A throwaway state directory need not survive a power cut; skipping fsync makes tests much faster.
        string[] speed = durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        var (postgres, postgresArgs) = AsUser(User, Path.Combine(bin, "postgres"), [.. settings, .. speed]);
        Process = ChildProcess.Start(postgres, postgresArgs, log: Log);
        await WaitUntilReadyAsync(CanQueryAsync, TimeSpan.FromSeconds(60), ct);
    }

    public async Task CreateDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public override async Task StopAsync()
    {
        // SIGINT to the postmaster is PostgreSQL's "fast" shutdown: sessions end, data is flushed, it exits.
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            Signals.Interrupt(pid);
        }
        NpgsqlConnection.ClearAllPools();
        await base.StopAsync();
    }

    private async Task<bool> CanQueryAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}

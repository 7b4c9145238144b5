using MedMassage.Hosting;
using Xunit;

namespace MedMassage.Testing;

/// <summary>
/// Real RabbitMQ, PostgreSQL and Redis for a test run, started by the same code the AppHost uses, once per
/// test assembly (use it as a collection fixture). Given <c>ConnectionStrings__eventbus</c>,
/// <c>ConnectionStrings__postgres</c> or <c>ConnectionStrings__redis</c>, it uses those servers instead.
/// </summary>
public class InfrastructureFixture : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"medmassage-test-{Guid.NewGuid():N}"[..26]);
    private readonly List<LocalServer> _started = [];

    public LocalPostgres? Postgres { get; private set; }
    public LocalRabbitMq? RabbitMq { get; private set; }
    public LocalRedis? Redis { get; private set; }

    public string EventBusConnectionString { get; private set; } = "";
    public string RedisConnectionString { get; private set; } = "";
    private string _postgresConnectionString = "";

    /// <summary>Override to also start the SMTP server (the notification tests need it).</summary>
    protected virtual bool NeedsSmtp => false;

    public LocalSmtp? Smtp { get; private set; }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_state);
        var tasks = new List<Task>();
        EventBusConnectionString = Existing("eventbus") ?? Start(RabbitMq = new LocalRabbitMq(_state), tasks);
        RedisConnectionString = Existing("redis") ?? Start(Redis = new LocalRedis(_state), tasks);
        _postgresConnectionString = Existing("postgres") ?? Start(Postgres = new LocalPostgres(_state), tasks);
        if (NeedsSmtp)
        {
            Start(Smtp = new LocalSmtp(_state), tasks);
        }
        await Task.WhenAll(tasks);
    }

    /// <summary>A connection string for a fresh, uniquely named database, so tests never see each other's rows.</summary>
    public string NewDatabase(string prefix) =>
        new Npgsql.NpgsqlConnectionStringBuilder(_postgresConnectionString)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)],
        }.ConnectionString;

    public virtual async Task DisposeAsync()
    {
        await Task.WhenAll(_started.Select(s => s.StopAsync()));
        try { Directory.Delete(_state, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Start(LocalServer server, List<Task> tasks)
    {
        _started.Add(server);
        tasks.Add(server.StartAsync(CancellationToken.None));
        return server.ConnectionString;
    }

    private static string? Existing(string name) => Environment.GetEnvironmentVariable($"ConnectionStrings__{name}");
}

using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Xunit;

namespace MedMassage.Testing;

/// <summary>
/// Real RabbitMQ, PostgreSQL, Redis and the development SMTP server for a test run, started once per test assembly
/// (use it as a collection fixture) by the suite's own AppHost (<c>--servers-only</c>) through Aspire's testing support.
/// Given <c>ConnectionStrings__eventbus</c>, <c>__postgres</c> or <c>__redis</c>, the AppHost uses those servers instead.
/// </summary>
public class InfrastructureFixture : IAsyncLifetime
{
    private DistributedApplication? _servers;
    private string? _stateDirectory;
    private string _postgresConnectionString = "";

    /// <summary>The AppHost's servers as Aspire runs them: resource commands, states, logs.</summary>
    public DistributedApplication Servers => _servers ?? throw new InvalidOperationException("Not started.");

    public string EventBusConnectionString { get; private set; } = "";
    public string RedisConnectionString { get; private set; } = "";

    /// <summary>The broker, to stop and start it as an outage would.</summary>
    public ServerControl RabbitMq { get; private set; } = null!;

    /// <summary>The development SMTP server, its Maildir, and stopping and starting it as an outage would.</summary>
    public SmtpServer Smtp { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var builder = await AspireTesting.CreateAppHostAsync("--servers-only");
            _stateDirectory = builder.StateDirectory();
            try
            {
                _servers = await builder.StartAsync(TimeSpan.FromMinutes(3), "eventbus", "redis", "postgres", "smtp");
                break;
            }
            // Test projects start their servers at the same moment on two cores; a server DCP could not launch then is
            // launched once more on fresh ports rather than failing every test of the project.
            catch (InvalidOperationException e) when (attempt < 2 && e.Message.Contains("failed to start", StringComparison.Ordinal))
            {
                AspireTesting.DeleteQuietly(_stateDirectory);
            }
        }
        EventBusConnectionString = await ConnectionStringAsync("eventbus");
        RedisConnectionString = await ConnectionStringAsync("redis");
        _postgresConnectionString = await ConnectionStringAsync("postgres");
        RabbitMq = new ServerControl(_servers, "eventbus", EventBusConnectionString);
        Smtp = new SmtpServer(_servers, await ConnectionStringAsync("smtp"), Path.Combine(_stateDirectory, "smtp", "mailbox"));
    }

    /// <summary>A connection string for a fresh, uniquely named database, so tests never see each other's rows.</summary>
    public string NewDatabase(string prefix) =>
        new Npgsql.NpgsqlConnectionStringBuilder(_postgresConnectionString)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)],
        }.ConnectionString;

    public virtual async Task DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.StopAsync();
            await _servers.DisposeAsync();
        }
        if (_stateDirectory is not null)
        {
            AspireTesting.DeleteQuietly(_stateDirectory);
        }
    }

    private async Task<string> ConnectionStringAsync(string name) =>
        await _servers!.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"{name} has no connection string.");
}

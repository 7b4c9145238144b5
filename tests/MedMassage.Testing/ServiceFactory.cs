using MedMassage.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace MedMassage.Testing;

/// <summary>
/// Hosts one service in-process against the real servers of <see cref="InfrastructureFixture"/>, with its own
/// fresh database, configured exactly as the AppHost configures it (connection strings by name). The service
/// validates tokens as in production, except that it trusts <see cref="TestTokens"/>' key and issuer instead of
/// fetching the identity service's. Each service's tests derive one class from it, named after the service
/// (<c>ReferralService</c>, <c>SchedulingService</c>, ...), that holds only what is particular to that service.
/// </summary>
public class ServiceFactory<TProgram>(InfrastructureFixture infrastructure, string databaseName, string serviceName)
    : TestHost<TProgram> where TProgram : class
{
    /// <summary>The servers the service runs on: for tests that also publish events or read the mail.</summary>
    public InfrastructureFixture Infrastructure { get; } = infrastructure;

    /// <summary>The administrator's login to this service's database: for tests that look at or arrange rows directly.</summary>
    public string DatabaseConnectionString { get; } = infrastructure.NewDatabase(databaseName);

    /// <summary>The logins the service itself gets, as in the AppHost: it runs as the app role and migrates as the owner.</summary>
    public DatabaseLogins Logins => _logins ??= Task.Run(() => DatabaseRoles.EnsureAsync(DatabaseConnectionString,
        new Npgsql.NpgsqlConnectionStringBuilder(DatabaseConnectionString).Database!, DatabaseRoles.NewPassword(), DatabaseRoles.NewPassword()))
        .GetAwaiter().GetResult();

    private DatabaseLogins? _logins;

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("OTEL_SERVICE_NAME", serviceName);
        if (!Settings.ContainsKey($"ConnectionStrings:{databaseName}")) // a test may point it at another service's database
        {
            builder.UseSetting($"ConnectionStrings:{databaseName}", Logins.App);
            builder.UseSetting($"ConnectionStrings:{databaseName}-owner", Logins.Owner);
        }
        builder.UseSetting("ConnectionStrings:eventbus", Infrastructure.EventBusConnectionString);
        builder.UseSetting("ConnectionStrings:redis", Infrastructure.RedisConnectionString);
        if (Infrastructure.Smtp is { } smtp)
        {
            builder.UseSetting("ConnectionStrings:smtp", smtp.ConnectionString);
        }
    }
}

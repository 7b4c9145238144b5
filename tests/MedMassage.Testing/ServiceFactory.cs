using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedMassage.Testing;

/// <summary>
/// Hosts one service in-process against the real servers of <see cref="InfrastructureFixture"/>, with its own
/// fresh database, configured exactly as the AppHost configures it (connection strings by name).
/// </summary>
public class ServiceFactory<TProgram>(InfrastructureFixture infrastructure, string databaseName, string serviceName)
    : WebApplicationFactory<TProgram> where TProgram : class
{
    public string DatabaseConnectionString { get; } = infrastructure.NewDatabase(databaseName);

    /// <summary>Extra configuration for a test (key: value, as in appsettings with ':' separators).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("OTEL_SERVICE_NAME", serviceName);
        builder.UseSetting($"ConnectionStrings:{databaseName}", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:eventbus", infrastructure.EventBusConnectionString);
        builder.UseSetting("ConnectionStrings:redis", infrastructure.RedisConnectionString);
        if (infrastructure.Smtp is { } smtp)
        {
            builder.UseSetting("ConnectionStrings:smtp", smtp.ConnectionString);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

using System.Net.Http.Headers;
using MedMassage.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MedMassage.Testing;

/// <summary>
/// Hosts one service in-process against the real servers of <see cref="InfrastructureFixture"/>, with its own
/// fresh database, configured exactly as the AppHost configures it (connection strings by name). The service
/// validates tokens as in production, except that it trusts <see cref="TestTokens"/>' key and issuer instead of
/// fetching the identity service's.
/// </summary>
public class ServiceFactory<TProgram>(InfrastructureFixture infrastructure, string databaseName, string serviceName)
    : WebApplicationFactory<TProgram> where TProgram : class
{
    /// <summary>The administrator's login to this service's database: for tests that look at or arrange rows directly.</summary>
    public string DatabaseConnectionString { get; } = infrastructure.NewDatabase(databaseName);

    /// <summary>The logins the service itself gets, as in the AppHost: it runs as the app role and migrates as the owner.</summary>
    public DatabaseLogins Logins => _logins ??= Task.Run(() => DatabaseRoles.EnsureAsync(DatabaseConnectionString,
        new Npgsql.NpgsqlConnectionStringBuilder(DatabaseConnectionString).Database!, DatabaseRoles.NewPassword(), DatabaseRoles.NewPassword()))
        .GetAwaiter().GetResult();

    private DatabaseLogins? _logins;

    /// <summary>Extra configuration for a test (key: value, as in appsettings with ':' separators).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Who <see cref="WebApplicationFactory{T}.CreateClient()"/> acts as; null sends no token.</summary>
    public TestCaller? DefaultCaller { get; set; }

    /// <summary>A client whose every request carries an access token for <paramref name="caller"/>.</summary>
    public HttpClient CreateClientAs(TestCaller caller)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(caller));
        return client;
    }

    /// <summary>A client that sends no token at all, whatever <see cref="DefaultCaller"/> is.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client that sends exactly the given Authorization value (for bad-token tests).</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (DefaultCaller is { } caller)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(caller, TimeSpan.FromHours(2)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("OTEL_SERVICE_NAME", serviceName);
        if (!Settings.ContainsKey($"ConnectionStrings:{databaseName}")) // a test may point it at another service's database
        {
            builder.UseSetting($"ConnectionStrings:{databaseName}", Logins.App);
            builder.UseSetting($"ConnectionStrings:{databaseName}-owner", Logins.Owner);
        }
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
        builder.ConfigureTestServices(services => services.TrustTestTokens());
    }
}

public static class TestTokenTrust
{
    /// <summary>Points the JWT bearer handler at <see cref="TestTokens"/>' key instead of the identity service's metadata.</summary>
    public static IServiceCollection TrustTestTokens(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            configuration.SigningKeys.Add(TestTokens.SigningKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
        });
}

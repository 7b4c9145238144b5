using System.Net.Http.Headers;
using MedMassage.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Gateway.Tests;

/// <summary>
/// The gateway in-process, configured as the AppHost configures it, with every service address pointing at the
/// fixture's upstream server. Each factory gets its own Redis database unless told to share one (replicas).
/// </summary>
public sealed class GatewayFactory(GatewayFixture fixture, int redisDatabase) : WebApplicationFactory<Program>
{
    public const string StaffOrigin = "https://staff.clinic.example";

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The address requests come from (the test server has none): say, an ingress controller's pod.</summary>
    public System.Net.IPAddress? RemoteAddress { get; set; }

    public HttpClient CreateClientAs(TestCaller caller) => CreateClientWithToken(TestTokens.For(caller));

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:redis", $"{fixture.RedisConnectionString},defaultDatabase={redisDatabase}");
        foreach (var service in MedMassage.Gateway.Routing.DownstreamService.All.Select(s => s.Name))
        {
            builder.UseSetting($"services:{service}:http:0", fixture.Upstream.Address);
        }
        builder.UseSetting("Gateway:StaffWebOrigins:0", StaffOrigin);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.TrustTestTokens();
            if (RemoteAddress is { } remote)
            {
                services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter>(_ => new FromAddress(remote));
            }
        });
    }
}

internal sealed class FromAddress(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate then) =>
        {
            context.Connection.RemoteIpAddress = address;
            return then(context);
        });
        next(app);
    };
}

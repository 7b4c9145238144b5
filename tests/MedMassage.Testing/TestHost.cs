using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Testing;

/// <summary>
/// What every in-process host of the suite gives its tests, the gateway's and each service's alike: callers with
/// access tokens (see <see cref="TestTokens"/>, which the host is told to trust), extra settings, a clock of the
/// test's choosing and the address a request comes from. <see cref="ServiceFactory{TProgram}"/> adds the servers.
/// </summary>
public abstract class TestHost<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    /// <summary>Stands in for the network: the peer address a request arrives from (never read by the host itself).</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Long enough for the slowest test run; tests of expiry make their own tokens.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    /// <summary>Extra configuration for a test (key: value, as in appsettings with ':' separators).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Who <see cref="WebApplicationFactory{T}.CreateClient()"/> acts as; null sends no token.</summary>
    public TestCaller? DefaultCaller { get; set; }

    /// <summary>Replaces the host's clock (set before the first client is created).</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>The workstation <see cref="CreateClientAs"/>'s clients call from, unless told otherwise; null: none.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>The address of every request that names none (the test server has none): say, an ingress pod's.</summary>
    public IPAddress? RemoteAddress { get; set; }

    /// <summary>A client whose every request carries an access token for <paramref name="caller"/>.</summary>
    public HttpClient CreateClientAs(TestCaller caller, string? address = null, TimeSpan? tokenLifetime = null)
    {
        var client = CreateClientWithToken(TestTokens.For(caller, tokenLifetime ?? TokenLifetime));
        if ((address ?? ClientAddress) is { } from)
        {
            client.DefaultRequestHeaders.Add(AddressHeader, from);
        }
        return client;
    }

    /// <summary>A client that sends exactly this bearer token, or none at all (for bad-token tests).</summary>
    public HttpClient CreateClientWithToken(string? token)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that sends no token at all, whatever <see cref="DefaultCaller"/> is.</summary>
    public HttpClient CreateAnonymousClient() => CreateClientWithToken(null);

    /// <summary>Starts the host and waits until <c>/health</c> answers 200 (schema applied, bus connected).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var anonymous = CreateAnonymousClient();
        await Eventually.WaitAsync(async () =>
        {
            using var response = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == HttpStatusCode.OK, timeout ?? TimeSpan.FromSeconds(60), $"{typeof(TProgram).Assembly.GetName().Name} ready");
    }

    /// <summary>One unit of work with a service of the host (its DbContext, say), to look at or arrange state directly.</summary>
    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (DefaultCaller is { } caller)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(caller, TokenLifetime));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        ConfigureHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.TrustTestTokens();
            services.AddTransient<IStartupFilter>(_ => new ClientAddressFilter(RemoteAddress));
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }

    /// <summary>The host's own configuration, as the AppHost gives it; <see cref="Settings"/> are applied after it.</summary>
    protected abstract void ConfigureHost(IWebHostBuilder builder);

    private sealed class ClientAddressFilter(IPAddress? fallback) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[AddressHeader] is [{ } address] && IPAddress.TryParse(address, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }
                else if (fallback is not null)
                {
                    context.Connection.RemoteIpAddress = fallback;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

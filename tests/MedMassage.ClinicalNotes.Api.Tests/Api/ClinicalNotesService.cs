using System.Net;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

/// <summary>
/// The clinical-notes service on the real servers. Callers carry access tokens shaped like the identity service's
/// (see <see cref="TestTokens"/>), and the client address is set as the network would set it.
/// </summary>
internal sealed class ClinicalNotesService(InfrastructureFixture infrastructure)
    : ServiceFactory<Program>(infrastructure, "clinicalnotesdb", "clinical-notes-api")
{
    /// <summary>Stands in for the network: the peer address the request arrives from (never read by the service itself).</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Replaces the service's clock (set before the first client is created).</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>A client acting as <paramref name="caller"/> from the workstation at <paramref name="address"/>.</summary>
    public HttpClient As(TestCaller caller, string address = "10.20.30.40", TimeSpan? tokenLifetime = null)
    {
        var client = CreateClientWithToken(TestTokens.For(caller, tokenLifetime ?? TimeSpan.FromHours(1)));
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    /// <summary>A client sending no token at all (not even the <see cref="ServiceFactory{T}.DefaultCaller"/>'s).</summary>
    public HttpClient Anonymous()
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<ClinicalNotesDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClinicalNotesDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddressFilter>();
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[AddressHeader] is [{ } address] && IPAddress.TryParse(address, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

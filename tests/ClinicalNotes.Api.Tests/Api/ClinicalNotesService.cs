using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicalNotes.Api.Tests.Api;

/// <summary>
/// The clinical-notes service on the real servers. Callers are identified as the identity service will identify them
/// (a principal with sub, name and role claims); here a test scheme builds that principal from request headers, and
/// the client address is set as the network would set it.
/// </summary>
internal sealed class ClinicalNotesService(InfrastructureFixture infrastructure)
    : ServiceFactory<Program>(infrastructure, "clinicalnotesdb", "clinical-notes-api")
{
    public const string UserHeader = "X-Test-User";
    public const string RoleHeader = "X-Test-Role";
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Replaces the service's clock (set before the first client is created).</summary>
    public TimeProvider? Clock { get; set; }

    public HttpClient As(string user, string role, string address = "10.20.30.40")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(UserHeader, user);
        client.DefaultRequestHeaders.Add(RoleHeader, role);
        client.DefaultRequestHeaders.Add(AddressHeader, address);
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
            services.AddAuthentication(HeaderIdentity.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderIdentity>(HeaderIdentity.SchemeName, null);
            services.AddTransient<IStartupFilter, ClientAddressFilter>();
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }

    private sealed class HeaderIdentity(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeaders";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[UserHeader] is not [{ } user])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            List<Claim> claims = [new("sub", user), new("name", $"User {user}")];
            if (Request.Headers[RoleHeader] is [{ } role])
            {
                claims.Add(new Claim("role", role));
            }
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
        }
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

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedMassage.ServiceDefaults.Identity;

public static class AuthenticationExtensions
{
    /// <summary>How far past its expiry (or before its start) a token is still accepted, for clocks that drift.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every service validates the caller's access token itself (the gateway does too, but nothing behind it
    /// trusts a header): signature against the identity service's published keys, issuer, audience
    /// <c>medmassage-api</c> and lifetime. Claims keep their JWT names (<c>sub</c>, <c>role</c>, <c>location</c>).
    /// </summary>
    /// <remarks>
    /// Configuration: <c>Identity:Issuer</c> (the public issuer, the gateway's address) and the identity service's
    /// own address, <c>services:identity-api:http:0</c> as an AppHost injects it, where keys are fetched from.
    /// </remarks>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        var issuer = identity["Issuer"];
        var identityUrl = builder.Configuration["services:identity-api:http:0"] ?? issuer;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Audience = identity["Audience"] ?? "medmassage-api";
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
                // The default five minutes would double a token's life; our clocks are synchronized, 30 s covers drift.
                options.TokenValidationParameters.ClockSkew = MaxClockSkew;
                if (issuer is not null)
                {
                    options.Authority = issuer;
                    options.TokenValidationParameters.ValidIssuer = issuer;
                }
                if (identityUrl is not null)
                {
                    // Discovery names public (gateway) addresses; fetch them from the identity service directly.
                    var internalBase = new Uri(identityUrl);
                    options.MetadataAddress = new Uri(internalBase, ".well-known/openid-configuration").ToString();
                    options.BackchannelHttpHandler = issuer is null ? null
                        : new IssuerToInternalHandler(new Uri(issuer), internalBase) { InnerHandler = new HttpClientHandler() };
                }
            });
        builder.Services.AddAuthorizationBuilder().AddMedMassagePolicies();
        return builder;
    }

    /// <summary>Sends requests addressed to the public issuer to the identity service's internal address.</summary>
    private sealed class IssuerToInternalHandler(Uri issuer, Uri internalBase) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && issuer.IsBaseOf(uri))
            {
                request.RequestUri = new Uri(internalBase, issuer.MakeRelativeUri(uri));
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Authentication.JwtBearer;
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
    /// own addresses, <c>services:identity-api:http:0</c> (<c>:1</c> … for replicas) as an AppHost injects them, where keys are fetched from.
    /// </remarks>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        var issuer = identity["Issuer"];
        var internalBases = builder.Configuration.GetSection("services:identity-api:http").GetChildren()
            .Select(c => c.Value).OfType<string>().Select(v => new Uri(v)).ToList();

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
                if (internalBases.Count > 0 && issuer is not null)
                {
                    // Discovery names public (gateway) addresses; fetch them from the identity service directly.
                    options.MetadataAddress = new Uri(new Uri(issuer), ".well-known/openid-configuration").ToString();
                    options.BackchannelHttpHandler = new IssuerToInternalHandler(new Uri(issuer), internalBases) { InnerHandler = new HttpClientHandler() };
                }
                else if (internalBases.Count > 0)
                {
                    options.MetadataAddress = new Uri(internalBases[0], ".well-known/openid-configuration").ToString();
                }
            });
        builder.Services.AddAuthorizationBuilder().AddMedMassagePolicies();
        return builder;
    }

    /// <summary>
    /// Sends requests addressed to the public issuer to the identity service's internal addresses: the next replica when
    /// one refuses the connection (only GETs of discovery documents and keys pass here, safe to send again).
    /// </summary>
    private sealed class IssuerToInternalHandler(Uri issuer, IReadOnlyList<Uri> internalBases) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is not { } uri || !issuer.IsBaseOf(uri))
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var path = issuer.MakeRelativeUri(uri);
            for (var i = 0; ; i++)
            {
                request.RequestUri = new Uri(internalBases[i], path);
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && i + 1 < internalBases.Count)
                {
                    // That replica is gone; the next one answers the same.
                }
            }
        }
    }
}

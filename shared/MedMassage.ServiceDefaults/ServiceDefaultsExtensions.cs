using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every MedMassage service gets: telemetry, health, discovery, resilient HTTP, ProblemDetails, OpenAPI.
/// Mirrors Aspire's service defaults so the services run unchanged under a real Aspire AppHost.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddSingleton<HealthSnapshot>();
        builder.AddMedMassageOpenApi();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // Behind the gateway: the client's address and scheme come from X-Forwarded-*, so audit trails name the real
        // client and links are built with the public scheme. Trusted from loopback (one machine), and from the networks
        // in ForwardedHeaders:TrustedNetworks (CIDR) where the proxy in front is another pod of a cluster.
        var trusted = builder.Configuration.GetSection(TrustedNetworksKey).GetChildren().Select(c => c.Value).OfType<string>().ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in trusted)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<UnstorableTextExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new TextWithoutNulConverter());
            o.SerializerOptions.Converters.Add(ApiJson.EnumConverter());
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>The proxies' networks whose X-Forwarded-* headers are believed (CIDR, e.g. <c>10.0.0.0/8</c>).</summary>
    public const string TrustedNetworksKey = "ForwardedHeaders:TrustedNetworks";

    /// <summary>
    /// <c>/health</c>: readiness, every real dependency checked, answered as JSON per check.
    /// <c>/alive</c>: liveness, the process only. <c>/openapi/v1.json</c>: the service's API description.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // After the status-code pages, so 401 and 403 are answered as ProblemDetails too.
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null
            && app.Services.GetService<IAuthorizationPolicyProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        // Probes read /health unauthenticated: only the overall status, shared for a moment (HealthSnapshot). Which check
        // failed and why is for operations (/health/details), where apps that check our tokens offer it.
        app.MapGet("/health", async (HttpContext http, HealthSnapshot snapshot) => await HealthReportWriter.WriteStatusAsync(http, await snapshot.GetAsync()))
            .DisableHttpMetrics().AllowAnonymous().ExcludeFromDescription();
        if (app.Services.GetService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>()?.Value.GetPolicy(Policies.Operations) is not null)
        {
            app.MapGet("/health/details", async (HttpContext http, HealthSnapshot snapshot) => await HealthReportWriter.WriteAsync(http, await snapshot.GetAsync()))
                .DisableHttpMetrics().RequireAuthorization(Policies.Operations).ExcludeFromDescription();
        }
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).DisableHttpMetrics().AllowAnonymous();

        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}

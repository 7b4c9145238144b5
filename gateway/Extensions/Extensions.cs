using MedMassage.Gateway.Health;
using MedMassage.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        var edge = builder.AddEdgeProtection();
        builder.AddFhir(); // refusals on /fhir as OperationOutcome, the gateway's own 401s included
        var (routes, clusters) = ProxyConfiguration.Build(builder.Configuration, edge.UpstreamTimeout);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters)
            .AddTransforms(IdentityHeaders.StripForgedIdentity)
            // "http://referral-api" becomes every address configured for it (services__referral-api__http__N).
            .AddServiceDiscoveryDestinationResolver();

        // Health probes must answer quickly and honestly, so they bypass the standard retry pipeline.
#pragma warning disable EXTEXP0001 // the only way to opt one client out of the defaults
        builder.Services.AddHttpClient(nameof(DownstreamHealthCheck), c => c.Timeout = TimeSpan.FromSeconds(3))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        var health = builder.Services.AddHealthChecks();
        foreach (var service in DownstreamService.All)
        {
            health.Add(new HealthCheckRegistration(
                service.Name,
                sp => ActivatorUtilities.CreateInstance<DownstreamHealthCheck>(sp, service),
                HealthStatus.Unhealthy,
                [ServiceDefaultsExtensions.ReadyTag]));
        }
    }

    /// <summary>An API reference page at /scalar over every service's OpenAPI document (served at /openapi/{service}.json).</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        // The reference page is documentation, readable before sign-in; every call it makes needs a token.
        app.MapScalarApiReference(options =>
        {
            options.WithTitle("MedMassage API");
            foreach (var service in DownstreamService.All.Where(s => s.HasApi))
            {
                options.AddDocument(service.Name, service.Title, $"/openapi/{service.Name}.json");
            }
        }).AllowAnonymous();
        return app;
    }

    /// <summary>YARP's standard proxy pipeline with the failover in front of its load balancing.</summary>
    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.UseReplicaFailover().UseSessionAffinity().UseLoadBalancing().UsePassiveHealthChecks());
        return app;
    }
}

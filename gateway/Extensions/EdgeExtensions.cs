using MedMassage.Gateway.Edge;
using MedMassage.Gateway.RateLimiting;
using MedMassage.ServiceDefaults.Identity;

namespace Microsoft.Extensions.Hosting;

internal static class EdgeExtensions
{
    public const string StaffWebCors = "staff-web";

    /// <summary>Front-door protections: token validation, rate limits (Redis), body limits, CORS for the staff web app.</summary>
    public static EdgeOptions AddEdgeProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<EdgeOptions>() ?? new EdgeOptions();
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration("Gateway")
            .Validate(o => o.PerClient.PermitLimit > 0 && o.PerIp.PermitLimit > 0
                && o.PerClient.Window >= TimeSpan.FromSeconds(1) && o.PerIp.Window >= TimeSpan.FromSeconds(1),
                "Gateway rate limits need a positive permit limit and a window of one second at least.")
            .ValidateOnStart();
        builder.AddDefaultAuthentication();
        builder.AddRedis();
        builder.Services.AddSingleton<RedisRateLimiter>();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.StaffWebOrigins)
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithExposedHeaders(CorrelationId.Header, "ETag", "Location", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        // The gateway faces the internet: X-Forwarded-* from callers is not trusted (YARP sets its own upstream), unless
        // an ingress controller in front terminates TLS: then from its networks only (ForwardedHeaders:TrustedNetworks),
        // and not from loopback, where anyone on the machine could claim an address.
        var proxies = builder.Configuration.GetSection(ServiceDefaultsExtensions.TrustedNetworksKey).GetChildren()
            .Select(c => c.Value).OfType<string>().Select(System.Net.IPNetwork.Parse).ToList();
        builder.Services.PostConfigure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownIPNetworks.Add);
            if (proxies.Count == 0)
            {
                o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None;
            }
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return options;
    }

    /// <summary>Runs before authentication and routing decisions reach a service; order matters (see comments).</summary>
    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.UseMiddleware<CorrelationId>();   // first, so even refusals carry it
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<PathTraversalGuard>();
        app.UseCors();                        // preflights are answered without a token
        app.UseMiddleware<RequestSizeLimit>();
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}

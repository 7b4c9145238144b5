using MedMassage.Fhir;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace MedMassage.Gateway.Routing;

/// <summary>Builds YARP's routes and clusters from the services the AppHost (or Aspire) told us about.</summary>
internal static class ProxyConfiguration
{
    /// <summary>YARP's name for the default policy (authenticated caller); services then apply their own policies.</summary>
    private const string Authenticated = "default";
    private const string Anonymous = "anonymous";

    /// <summary>
    /// A replica that stops answering is left out within seconds and taken back when it answers again: actively (its
    /// liveness, every 5 s) and passively (most of its recent connections failing). If every replica looks down,
    /// requests still go to all of them rather than nowhere ("panic"): a 503 from a service says more than ours would.
    /// </summary>
    private static readonly HealthCheckConfig ReplicaHealth = new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(2),
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/alive",
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = TimeSpan.FromSeconds(10),
        },
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
    };

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IConfiguration configuration, TimeSpan upstreamTimeout)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in DownstreamService.All)
        {
            if (!service.IsConfigured(configuration))
            {
                continue; // not part of this deployment
            }

            clusters.Add(new ClusterConfig
            {
                ClusterId = service.Name,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = service.Address.ToString() } },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = upstreamTimeout },
                HealthCheck = ReplicaHealth,
            });
            foreach (var (prefix, index) in service.PathPrefixes.Select((p, i) => (p, i)))
            {
                routes.Add(Route($"{service.Name}-{index}", service, $"{prefix}/{{**rest}}"));
                routes.Add(Route($"{service.Name}-{index}-root", service, prefix));
            }
            foreach (var (prefix, index) in service.AnonymousPrefixes.Select((p, i) => (p, i)))
            {
                routes.Add(Route($"{service.Name}-anonymous-{index}", service, $"{prefix}/{{**rest}}") with { AuthorizationPolicy = Anonymous });
            }
            routes.AddRange(FormerRoutes(service));
            if (!service.HasApi)
            {
                continue;
            }
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Name}-openapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/openapi/{service.Name}.json" },
                AuthorizationPolicy = Anonymous, // API descriptions carry no data; Scalar reads them before sign-in
            }.WithTransformPathSet("/openapi/v1.json"));
        }
        // FHIR: each resource type goes to the service that owns it (one catalogue decides); the gateway itself answers
        // /fhir/metadata and unknown types (FhirEndpoints).
        foreach (var type in FhirCatalogue.Types.Where(t => clusters.Any(c => c.ClusterId == t.Service)))
        {
            var owner = DownstreamService.All.First(s => s.Name == type.Service);
            routes.Add(Route($"fhir-{type.Name}", owner, $"/fhir/{type.Name}/{{**rest}}"));
            routes.Add(Route($"fhir-{type.Name}-root", owner, $"/fhir/{type.Name}"));
        }
        return (routes, clusters);
    }

    /// <summary>A former prefix forwarded as the current one; its anonymous paths (e-mailed links) stay anonymous.</summary>
    private static IEnumerable<RouteConfig> FormerRoutes(DownstreamService service)
    {
        foreach (var ((former, current), index) in service.FormerPrefixes.Select((p, i) => (p, i)))
        {
            yield return Route($"{service.Name}-former-{index}", service, $"{former}/{{**rest}}").WithTransformPathRouteValues($"{current}/{{**rest}}");
            foreach (var (anonymous, a) in service.AnonymousPrefixes.Where(p => p.StartsWith(current + "/", StringComparison.Ordinal)).Select((p, i) => (p, i)))
            {
                var path = former + anonymous[current.Length..];
                yield return (Route($"{service.Name}-former-{index}-anonymous-{a}", service, $"{path}/{{**rest}}") with { AuthorizationPolicy = Anonymous })
                    .WithTransformPathRouteValues($"{anonymous}/{{**rest}}");
            }
        }
    }

    private static RouteConfig Route(string id, DownstreamService service, string path)
    {
        var route = new RouteConfig
        {
            RouteId = id,
            ClusterId = service.Name,
            Match = new RouteMatch { Path = path },
            // The issuer's endpoints are how a caller gets a token in the first place.
            AuthorizationPolicy = service.PreserveHost ? Anonymous : Authenticated,
        };
        return service.PreserveHost ? route.WithTransformUseOriginalHostHeader() : route;
    }
}

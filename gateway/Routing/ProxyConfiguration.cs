using MedMassage.Fhir;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace MedMassage.Gateway.Routing;

/// <summary>Builds YARP's routes and clusters from the services the AppHost (or Aspire) told us about.</summary>
internal static class ProxyConfiguration
{
    /// <summary>YARP's name for the default policy (authenticated caller); services then apply their own policies.</summary>
    private const string Authenticated = "default";
    private const string Anonymous = "anonymous";

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

using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace MedMassage.Gateway.Routing;

/// <summary>Builds YARP's routes and clusters from the services the AppHost (or Aspire) told us about.</summary>
internal static class ProxyConfiguration
{
    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in DownstreamService.All)
        {
            var address = service.Address(configuration);
            if (address is null)
            {
                continue; // not part of this deployment
            }

            clusters.Add(new ClusterConfig
            {
                ClusterId = service.Name,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Name}-api",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"{service.PathPrefix}/{{**rest}}" },
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Name}-root",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.PathPrefix },
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Name}-openapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/openapi/{service.Name}.json" },
            }.WithTransformPathSet("/openapi/v1.json"));
        }
        return (routes, clusters);
    }
}

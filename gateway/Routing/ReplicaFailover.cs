using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace MedMassage.Gateway.Routing;

/// <summary>
/// A request whose connection a replica refused (its process is gone, or not yet listening) goes to another replica of
/// the same service at once, instead of failing until the health checks notice. Nothing reached the refusing replica,
/// so even a POST is safe to send again; a request that failed after reaching a replica is never sent twice, since it
/// may have taken effect there.
/// </summary>
internal static class ReplicaFailover
{
    public static IReverseProxyApplicationBuilder UseReplicaFailover(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var feature = context.GetReverseProxyFeature();
            var candidates = feature.AvailableDestinations; // load balancing narrows this to its one choice
            var tried = new List<DestinationState>();
            while (true)
            {
                await next();
                if (feature.ProxiedDestination is not { } failed || !Refused(context) || context.Response.HasStarted)
                {
                    return;
                }
                tried.Add(failed);
                var others = candidates.Where(d => !tried.Contains(d)).ToList();
                if (others.Count == 0)
                {
                    return;
                }
                feature.AvailableDestinations = others;
                context.Features.Set<IForwarderErrorFeature>(null);
                context.Response.Clear();
            }
        });
        return proxy;
    }

    private static bool Refused(HttpContext context) =>
        context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } };
}

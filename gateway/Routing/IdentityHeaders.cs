using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace MedMassage.Gateway.Routing;

/// <summary>
/// The caller's identity travels only as the validated bearer token. Headers that other stacks use to pass an
/// identity along are dropped, so nobody behind the gateway could ever be tempted to trust them.
/// </summary>
internal static class IdentityHeaders
{
    private static readonly string[] ForgeablePrefixes =
    [
        "X-User", "X-Role", "X-Location", "X-Client-Id", "X-Forwarded-User", "X-Forwarded-Email", "X-Auth",
        "X-Remote-User", "Remote-User", "X-MS-Client-Principal", "X-Authenticated",
    ];

    public static void StripForgedIdentity(TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in headers.Select(h => h.Key).Where(IsForgeable).ToList())
            {
                headers.Remove(name);
            }
            return ValueTask.CompletedTask;
        });

    public static bool IsForgeable(string header) =>
        ForgeablePrefixes.Any(prefix => header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}

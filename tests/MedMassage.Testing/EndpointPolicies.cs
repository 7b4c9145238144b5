using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Testing;

/// <summary>Reads a running service's endpoint table to prove every endpoint states who may call it.</summary>
public static class EndpointPolicies
{
    /// <summary>Every mapped route with the policy (or "anonymous") it declares; routes declaring nothing are absent.</summary>
    public static IReadOnlyList<RouteEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>Routes that declare neither an authorization policy/role nor an explicit anonymous allowance.</summary>
    public static IReadOnlyList<string> Undeclared(IServiceProvider services) =>
        [.. All(services)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null)
                && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(Describe)];

    /// <summary>"METHOD route" → the policies it declares (comma-separated), for the routes under <paramref name="prefix"/>.</summary>
    public static IReadOnlyDictionary<string, string> PoliciesUnder(IServiceProvider services, string prefix) =>
        Under(services, prefix).ToDictionary(Describe, e => string.Join(',', e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)));

    /// <summary>Routes under <paramref name="prefix"/> that allow anonymous callers.</summary>
    public static IReadOnlyList<string> AnonymousUnder(IServiceProvider services, string prefix) =>
        [.. Under(services, prefix).Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Describe)];

    private static IEnumerable<RouteEndpoint> Under(IServiceProvider services, string prefix) =>
        All(services).Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.Ordinal) == true);

    public static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";
}

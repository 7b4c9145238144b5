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

    public static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";
}

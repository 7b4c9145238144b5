using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace MedMassage.Identity.Api.Tests;

/// <summary>
/// The issuer's endpoints are how callers get a token, so they are anonymous — by declaration, not by omission; the
/// administration of staff accounts and integration clients takes a clinic admin's token, and nothing else does.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EndpointPolicyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Every_endpoint_declares_its_policy()
    {
        await using var service = new IdentityService(infrastructure);
        using var _ = service.CreateClient();

        var endpoints = EndpointPolicies.All(service.Services);

        Assert.True(endpoints.Count >= 8, $"only {endpoints.Count} endpoints found");
        Assert.Empty(EndpointPolicies.Undeclared(service.Services));
        foreach (var endpoint in endpoints)
        {
            var administration = ((RouteEndpoint)endpoint).RoutePattern.RawText!.StartsWith("/api/identity/", StringComparison.Ordinal);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (administration)
            {
                Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                Assert.Equal([Microsoft.Extensions.Hosting.AdministrationExtensions.ClinicAdmin], policies);
            }
            else
            {
                Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            }
        }
        Assert.Equal(9, endpoints.Count(e => ((RouteEndpoint)e).RoutePattern.RawText!.StartsWith("/api/identity/", StringComparison.Ordinal)));
    }
}

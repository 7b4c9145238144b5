using Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Authorization;

namespace Identity.Api.Tests;

/// <summary>The issuer's endpoints are how callers get a token, so they are anonymous — by declaration, not by omission.</summary>
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
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<IAllowAnonymous>()));
    }
}

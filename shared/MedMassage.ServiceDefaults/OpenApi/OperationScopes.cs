using MedMassage.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>A scope that lets an integrated system (client credentials) call the endpoint, besides the staff it admits.</summary>
public sealed record SystemScopeMetadata(string Scope);

/// <summary>
/// Which tokens an endpoint takes, told in its OpenAPI security: staff sign in (authorization code, scope
/// <c>openid</c>, which brings their role and locations into the token); systems hold SMART scopes.
/// </summary>
public static class OperationScopes
{
    public const string Staff = "openid";

    /// <summary>Declares that a system whose token carries <paramref name="scope"/> may call the endpoint too.</summary>
    public static TBuilder AcceptsSystemScope<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new SystemScopeMetadata(scope));

    /// <summary>
    /// The ways to be let in, each a set of scopes held together. FHIR policies (<c>fhir:{Type}:{interaction}</c>)
    /// admit systems only, by <c>system/{Type}.{interaction}</c>; the referral policies also admit systems by their
    /// scope (<see cref="Policies"/>); every other policy is the staff's.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Alternatives(EndpointMetadataCollection metadata)
    {
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
        var fhir = policies.Where(p => p.StartsWith("fhir:", StringComparison.Ordinal)).Select(FhirScope).ToList();
        if (fhir.Count > 0)
        {
            return [fhir.Distinct().ToList()];
        }
        var system = metadata.OfType<SystemScopeMetadata>().Select(s => s.Scope)
            .Concat(policies.Select(p => p switch
            {
                Policies.ReferralSubmitter => SystemScopes.ServiceRequestWrite,
                Policies.ReferralReader => SystemScopes.ServiceRequestRead,
                _ => null,
            }).OfType<string>());
        return [[Staff], .. system.Distinct().Select(s => new[] { s })];
    }

    /// <summary>Whether the endpoint asks more than a valid token (a role, a scope): then a valid token can still be refused.</summary>
    public static bool MayForbid(EndpointMetadataCollection metadata) =>
        metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null and not Policies.Authenticated || !string.IsNullOrEmpty(a.Roles));

    private static string FhirScope(string policy)
    {
        var parts = policy.Split(':'); // fhir:{Type}:{interaction}
        return $"system/{parts[1]}.{parts[2]}";
    }
}

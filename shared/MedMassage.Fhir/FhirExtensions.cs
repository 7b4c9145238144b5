using MedMassage.Fhir;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class FhirExtensions
{
    /// <summary>
    /// FHIR answers on <c>/fhir</c>: refusals as OperationOutcome, and one authorization policy per resource type and
    /// interaction, held by systems whose token carries the scope.
    /// </summary>
    public static TBuilder AddFhir<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Ahead of the default writer, which would otherwise answer FHIR routes with ProblemDetails.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, OperationOutcomeWriter>());
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthorizationBuilder().AddFhirPolicies();
        return builder;
    }

    public static string Policy(string type, string interaction) => $"fhir:{type}:{interaction}";

    private static AuthorizationBuilder AddFhirPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var type in FhirCatalogue.Types)
        {
            foreach (var interaction in new[] { FhirScopes.Read, FhirScopes.Write })
            {
                authorization.AddPolicy(Policy(type.Name, interaction), p => p.RequireAuthenticatedUser()
                    .RequireAssertion(c => FhirScopes.Allows(c.User, type.Name, interaction)));
            }
        }
        return authorization;
    }

    /// <summary><c>/fhir/{Type}</c>, readable with the type's read scope; writes add <see cref="RequireFhirWrite"/>.</summary>
    public static RouteGroupBuilder MapFhirResource(this IEndpointRouteBuilder app, string type) =>
        app.MapGroup($"/fhir/{type}").WithTags($"FHIR {type}").RequireAuthorization(Policy(type, FhirScopes.Read));

    public static TBuilder RequireFhirWrite<TBuilder>(this TBuilder endpoint, string type) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(Policy(type, FhirScopes.Write));

    /// <summary>The version an <c>If-Match</c> names (<c>W/"3"</c> or <c>"3"</c>), or null without one.</summary>
    public static string? IfMatchVersion(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        return text.Trim('"');
    }
}

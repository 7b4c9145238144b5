using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>What the operations under a tag are about, shown with the tag in the document.</summary>
public sealed record TagDescriptionMetadata(string Name, string Description);

public static class DescribedTags
{
    /// <summary>Tags the endpoints with <paramref name="name"/> and says, once for the document, what the tag gathers.</summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder endpoint, string name, string description) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithTags(name).WithMetadata(new TagDescriptionMetadata(name, description));
}

/// <summary>Every tag the operations use, declared in the document with its description (<see cref="DescribedTags.WithTag"/>).</summary>
internal sealed class TagsDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var descriptions = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<TagDescriptionMetadata>())
            .DistinctBy(t => t.Name).ToDictionary(t => t.Name, t => t.Description);
        var used = document.AllOperations().SelectMany(o => o.Operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct(); // in the order the operations come
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag { Name = name, Description = descriptions.GetValueOrDefault(name) ?? Fhir(name) }));
        return Task.CompletedTask;
    }

    // The FHIR endpoints are tagged by their resource type (MapFhirResource), all alike.
    private static string? Fhir(string tag) => tag.StartsWith("FHIR ", StringComparison.Ordinal)
        ? $"FHIR R4 `{tag[5..]}` resources as `application/fhir+json`, read by integrated systems with `system/{tag[5..]}.read` (changed, where allowed, with `.write`); refusals are OperationOutcomes."
        : null;
}

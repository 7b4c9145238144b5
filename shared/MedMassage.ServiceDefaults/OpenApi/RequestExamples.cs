using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>An example of the endpoint's request body, shown in its OpenAPI document.</summary>
public sealed record RequestExampleMetadata(object Example);

public static class RequestExamples
{
    /// <summary>
    /// Shows <paramref name="example"/> as the request body's example, written with the service's own JSON options (so
    /// enums and names look exactly as the service reads them). Every body needs one: OpenApiContentTests fail without it.
    /// </summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder endpoint, object example) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new RequestExampleMetadata(example));
}

/// <summary>Puts a declared <see cref="RequestExampleMetadata"/> on every JSON or form body of the operation (a form's fields shown as an object).</summary>
internal sealed class RequestExampleOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExampleMetadata>().LastOrDefault();
        if (declared is null || operation.RequestBody?.Content is not { } content)
        {
            return Task.CompletedTask;
        }
        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var (type, media) in content)
        {
            if (type.EndsWith("json", StringComparison.Ordinal) || type is "application/x-www-form-urlencoded" or "multipart/form-data")
            {
                media.Example = JsonSerializer.SerializeToNode(declared.Example, declared.Example.GetType(), options);
            }
        }
        return Task.CompletedTask;
    }
}

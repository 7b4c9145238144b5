using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// The refusals the framework itself gives before an endpoint runs: 400 for a body or parameter that cannot be read
/// (BadRequestExceptionHandler), 404 for a path whose parameters do not fit the route (a malformed id); and the reasons
/// of those an endpoint declares with <see cref="DeclaredRefusals.Refuses"/>.
/// </summary>
internal sealed partial class RefusalsOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        foreach (var refusal in context.Description.ActionDescriptor.EndpointMetadata.OfType<DeclaredRefusals.Refusal>())
        {
            if (operation.Responses.TryGetValue(refusal.StatusCode.ToString(CultureInfo.InvariantCulture), out var declared) && declared is OpenApiResponse response)
            {
                response.Description = refusal.Description;
            }
        }
        var parameters = operation.Parameters ?? [];
        var parsed = parameters.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header
            && (p.Required || p.Schema?.Type is { } type && !type.HasFlag(JsonSchemaType.String)));
        if (operation.RequestBody is not null || parsed)
        {
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "The request cannot be read: a malformed body or parameter." });
        }
        // {id:guid} and the like: a value that does not fit matches no route, answered 404 by the status-code pages.
        if (ConstrainedParameter().IsMatch(context.Description.ActionDescriptor.AttributeRouteInfo?.Template ?? ""))
        {
            operation.Responses.TryAdd("404", new OpenApiResponse { Description = "Nothing is found at this address." });
        }
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{[^}:]+:[^}]+\}")]
    private static partial Regex ConstrainedParameter();
}

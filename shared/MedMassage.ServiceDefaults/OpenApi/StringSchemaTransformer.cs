using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// Strings are read through our own converter (TextWithoutNulConverter), which hides their type from the schema
/// generator: it writes <c>{}</c> (and no items for a list of them). They are strings on the wire, so the schema says so (nullable where the C# is).
/// </summary>
internal sealed class StringSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.OneOf is null && schema.AnyOf is null)
        {
            var nullable = context.JsonPropertyInfo is not { } property || property.IsGetNullable;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        // Their lists likewise lose the type of their items.
        if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null && schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        return Task.CompletedTask;
    }
}

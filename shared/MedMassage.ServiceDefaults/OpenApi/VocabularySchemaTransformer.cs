using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// A field marked <see cref="OneOfAttribute"/> lists its allowed values as the schema's <c>enum</c>, on the items for a
/// list, and query parameters likewise. Records carry the attribute on their constructor parameter, so that is read as well as the property.
/// </summary>
internal sealed class VocabularySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // A body's field, or a query parameter (of an [AsParameters] record: its property and constructor parameter both).
        var oneOf = context.JsonPropertyInfo is { } property
            ? Find(property.AttributeProvider) ?? Find(property.AssociatedParameter?.AttributeProvider)
            : Find((context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo);
        if (oneOf is null)
        {
            return Task.CompletedTask;
        }
        var values = oneOf.Values();
        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)v)] };
        }
        else
        {
            // A field that may be null lists null among its values (a JSON null node is a null reference), or null would break the enum.
            var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
            schema.Enum = [.. values.Select(v => (JsonNode)v), .. nullable ? [null!] : Array.Empty<JsonNode>()];
        }
        return Task.CompletedTask;
    }

    private static OneOfAttribute? Find(ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(typeof(OneOfAttribute), inherit: false).OfType<OneOfAttribute>().FirstOrDefault();
}

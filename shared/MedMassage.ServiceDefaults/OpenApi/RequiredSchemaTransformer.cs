using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// Which fields an object always has. The schema generator calls every constructor parameter required, which is
/// untrue of requests: their records are all-nullable so that one validation pass names every missing field (a 400
/// listing them, never a deserialization error). Here a field is required when it cannot be null (a non-nullable
/// value or reference type: always written) or when it is marked <see cref="RequiredAttribute"/>, as the code refuses
/// the request without it. The attribute is read for the schema only: no validator runs it.
/// <see cref="RequiredNotNullDocumentTransformer"/> then lets a request's value fields be missing (they take their
/// default) and takes null out of the types of the required fields.
/// </summary>
internal sealed class RequiredSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // An object's schema, whether met first as a body, an answer or a field of another.
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }
        var required = context.JsonTypeInfo.Properties
            .Where(p => properties.ContainsKey(p.Name) && (!MayBeNull(p) || IsMarkedRequired(p)))
            .Select(p => p.Name);
        schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        // A value read from a request takes its default when missing (false, 0): required only in answers.
        schema.Metadata ??= new Dictionary<string, object>();
        schema.Metadata[DefaultedWhenMissing] = context.JsonTypeInfo.Properties
            .Where(p => p.PropertyType.IsValueType && !MayBeNull(p) && !IsMarkedRequired(p)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    /// <summary>The schema's metadata (not written) naming those fields, for <see cref="RequiredNotNullDocumentTransformer"/>.</summary>
    internal const string DefaultedWhenMissing = "medmassage-defaulted-when-missing";

    /// <summary>A <c>T?</c>: a nullable value type, or a reference type annotated nullable.</summary>
    internal static bool MayBeNull(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : property.IsGetNullable;

    /// <summary>[Required] on the property or, for a record, on its constructor parameter.</summary>
    internal static bool IsMarkedRequired(JsonPropertyInfo property) =>
        Marked(property.AttributeProvider) || Marked(property.AssociatedParameter?.AttributeProvider);

    internal static bool Marked(ICustomAttributeProvider? provider) => provider?.GetCustomAttributes(typeof(RequiredAttribute), inherit: false).Length > 0;
}

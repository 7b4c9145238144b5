using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// A required field is never null (<see cref="RequiredSchemaTransformer"/>: it cannot be, or the code refuses a null
/// as it refuses a missing one), so its schema does not allow null: no <c>null</c> type, no <c>null</c> among its
/// allowed values, and a nullable reference (<c>oneOf</c> null or the object) becomes the plain reference. Done on
/// the finished document, where the references are in place. Before that, the value fields of a schema a request
/// uses are no longer required (<see cref="RequiredSchemaTransformer.DefaultedWhenMissing"/>): a missing one takes its
/// default.
/// </summary>
internal sealed class RequiredNotNullDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var name in ReadFromRequests(document, schemas))
        {
            if (schemas[name] is OpenApiSchema { Required: { } read } schema
                && schema.Metadata?.TryGetValue(RequiredSchemaTransformer.DefaultedWhenMissing, out var defaulted) == true)
            {
                read.ExceptWith((HashSet<string>)defaulted);
            }
        }
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties is null || schema.Required is not { Count: > 0 } required)
            {
                continue;
            }
            foreach (var name in required.Where(schema.Properties.ContainsKey))
            {
                schema.Properties[name] = NotNull(schema.Properties[name]);
            }
        }
        return Task.CompletedTask;
    }

    private static IOpenApiSchema NotNull(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema schema)
        {
            return property; // a reference: an object, never null by itself
        }
        if (schema.OneOf is { Count: 2 } either && either.Count(IsNull) == 1 && schema.Properties is null && schema.Type is null)
        {
            // The plain reference, unless the wrapper carries words of its own.
            if (schema.Description is null)
            {
                return either.Single(s => !IsNull(s));
            }
            schema.OneOf = [.. either.Where(s => !IsNull(s))];
        }
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null))
        {
            schema.Enum = [.. values.Where(v => v is not null)];
        }
        return schema;
    }

    /// <summary>The component schemas a request body or parameter uses, however deep.</summary>
    private static HashSet<string> ReadFromRequests(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(document.AllOperations().SelectMany(o =>
            (o.Operation.RequestBody?.Content?.Values ?? []).Select(c => c.Schema)
                .Concat((o.Operation.Parameters ?? []).Select(p => p.Schema)).OfType<IOpenApiSchema>()));
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (found.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }
                continue;
            }
            foreach (var part in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
                .Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>())
            {
                pending.Push(part);
            }
        }
        return found;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}

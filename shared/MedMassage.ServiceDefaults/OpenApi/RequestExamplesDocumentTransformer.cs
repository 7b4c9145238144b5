using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// Every request body without a declared example (<see cref="RequestExamples.WithRequestExample"/>) gets one made from its
/// schema: each property with a value of its type, format or first allowed value, so an integrator sees the shape whole.
/// </summary>
internal sealed class RequestExamplesDocumentTransformer : IOpenApiDocumentTransformer
{
    private const int MaxDepth = 6;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var bodies = document.AllOperations()
            .Select(o => o.Operation.RequestBody?.Content).OfType<IDictionary<string, OpenApiMediaType>>().SelectMany(c => c.Values);
        foreach (var media in bodies.Where(m => m.Example is null && (m.Examples?.Count ?? 0) == 0))
        {
            media.Example = Example(media.Schema, document, 0);
        }
        return Task.CompletedTask;
    }

    private static JsonNode? Example(IOpenApiSchema? schema, OpenApiDocument document, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            schema = document.Components?.Schemas is { } schemas && schemas.TryGetValue(reference.Reference.Id ?? "", out var target) ? target : reference.Target;
        }
        if (schema is null || depth > MaxDepth)
        {
            return null;
        }
        if (schema.Examples?.FirstOrDefault() is { } given)
        {
            return given.DeepClone();
        }
        if (schema.Enum?.FirstOrDefault(v => v is not null) is { } allowed)
        {
            return allowed.DeepClone();
        }
        // A nullable reference is "oneOf: [null, the type]": the type is what to show.
        var member = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
            .FirstOrDefault(s => s is OpenApiSchemaReference || s.Type is not JsonSchemaType.Null);
        if (member is not null)
        {
            return Example(member, document, depth + 1);
        }
        var type = schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : 0);
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var value = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                value[name] = Example(property, document, depth + 1);
            }
            return value;
        }
        if (type.HasFlag(JsonSchemaType.Array))
        {
            return Example(schema.Items, document, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        }
        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return 1;
        }
        if (type.HasFlag(JsonSchemaType.Number))
        {
            return 1.5;
        }
        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return true;
        }
        return type.HasFlag(JsonSchemaType.String) ? Text(schema.Format) : null;
    }

    private static JsonNode Text(string? format) => format switch
    {
        "date" => "2026-03-02",
        "date-time" => "2026-03-02T09:00:00+00:00",
        "time" => "09:00:00",
        "uuid" => "0195f0c2-7a1e-7c55-8f0a-3b2a1c4d5e6f",
        "email" => "front.desk@clinic.example",
        "uri" => "https://clinic.example/",
        _ => "text",
    };
}

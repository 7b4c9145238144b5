using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// Refusals declared without a body (<c>NotFound</c>, 401, 403 …) are answered as ProblemDetails all the same (the
/// status-code pages and the exception handlers write them), so the document says so; on <c>/fhir</c> as a FHIR
/// OperationOutcome instead (OperationOutcomeWriter).
/// </summary>
internal sealed class ProblemBodiesDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Problem = "ProblemDetails";
    private const string Outcome = "OperationOutcome";

    private static readonly OpenApiSchema OutcomeSchema = new()
    {
        Type = JsonSchemaType.Object,
        Description = "A FHIR R4 OperationOutcome: what was refused and why, in `issue`.",
        Required = new HashSet<string> { "resourceType", "issue" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["OperationOutcome"] },
            ["issue"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
        },
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (path, operation) in document.AllOperations())
        {
            var fhir = path.StartsWith("/fhir/", StringComparison.Ordinal);
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (!status.StartsWith('4') || response is not OpenApiResponse { Content: null or { Count: 0 } } bodiless)
                {
                    continue;
                }
                if (!schemas.ContainsKey(fhir ? Outcome : Problem))
                {
                    schemas[fhir ? Outcome : Problem] = fhir ? OutcomeSchema : await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
                }
                bodiless.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [fhir ? "application/fhir+json" : "application/problem+json"] = new() { Schema = new OpenApiSchemaReference(fhir ? Outcome : Problem, document) },
                };
            }
        }
    }
}

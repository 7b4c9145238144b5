using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace MedMassage.ServiceDefaults.OpenApi;

public static class DeclaredRefusals
{
    /// <summary>
    /// The endpoint answers <paramref name="statusCode"/> for the reason given, which its <c>Results</c> type cannot tell
    /// (a FHIR endpoint answers every refusal as one <c>ProblemHttpResult</c>). The body is declared by
    /// <see cref="ProblemBodiesDocumentTransformer"/>: ProblemDetails, on <c>/fhir</c> an OperationOutcome.
    /// </summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder endpoint, int statusCode, string description) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new Refusal(statusCode, description));

    /// <summary>Its description is put on the response by <see cref="RefusalsOperationTransformer"/>: the generator writes the status's name.</summary>
    internal sealed class Refusal(int statusCode, string description) : IProducesResponseTypeMetadata
    {
        public Type? Type => typeof(void);

        public int StatusCode => statusCode;

        public string? Description => description;

        public IEnumerable<string> ContentTypes => [];
    }
}

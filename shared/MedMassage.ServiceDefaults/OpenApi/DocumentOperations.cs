using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

internal static class DocumentOperations
{
    /// <summary>Every operation of the document with its path.</summary>
    public static IEnumerable<(string Path, OpenApiOperation Operation)> AllOperations(this OpenApiDocument document) =>
        (document.Paths ?? []).SelectMany(p => (p.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Select(o => (p.Key, o)));
}

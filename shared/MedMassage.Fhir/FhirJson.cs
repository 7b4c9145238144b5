using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;

namespace MedMassage.Fhir;

/// <summary>FHIR R4 JSON through the Firely SDK: one set of options, strict on what it reads.</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json";

    /// <summary>Larger bodies are refused before parsing: no referral needs more.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir();

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Options);

    public static T Deserialize<T>(string json) where T : Resource => (T)JsonSerializer.Deserialize<Resource>(json, Options)!;

    /// <summary>
    /// Reads the body as a <typeparamref name="T"/>. A body that is not FHIR JSON, not that resource type, or breaks
    /// the base specification's structure yields the reason instead (answered 400), naming every element at fault.
    /// </summary>
    public static async Task<(T? Resource, string? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : Resource
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, $"The body is larger than {MaxBodyBytes} bytes.");
        }
        if (request.ContentType is not { } type || !(type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"Send the resource as {ContentType}.");
        }
        try
        {
            var resource = await JsonSerializer.DeserializeAsync<Resource>(request.Body, Options, ct);
            return resource is T typed ? (typed, null) : (null, $"The body must be a {typeof(T).Name} resource, not {resource?.TypeName ?? "nothing"}.");
        }
        catch (DeserializationFailedException e)
        {
            return (null, string.Join(" ", e.Exceptions.Select(x => x.Message)));
        }
        catch (JsonException e)
        {
            return (null, "The body is not valid JSON: " + e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // The SDK's converter reports some shapes (an array where a resource belongs, say) this way.
            return (null, "The body is not a FHIR resource: " + e.Message);
        }
    }
}

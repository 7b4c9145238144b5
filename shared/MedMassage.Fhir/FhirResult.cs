using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace MedMassage.Fhir;

/// <summary>A FHIR resource answered as <c>application/fhir+json</c>, with its version as ETag where it has one.</summary>
public sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK, string? location = null) : IResult, IStatusCodeHttpResult
{
    public Resource Resource => resource;

    public int? StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirJson.ContentType + "; charset=utf-8";
        if (resource.Meta?.VersionId is { } version)
        {
            response.Headers.ETag = $"W/\"{version}\"";
        }
        if (resource.Meta?.LastUpdated is { } updated)
        {
            response.Headers.LastModified = updated.ToString("R");
        }
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        await response.WriteAsync(FhirJson.Serialize(resource), httpContext.RequestAborted);
    }

    public static FhirResult Ok(Resource resource) => new(resource);

    /// <summary>201 with the new resource's address (its version-specific one, as FHIR asks).</summary>
    public static FhirResult Created(HttpContext http, Resource resource) =>
        new(resource, StatusCodes.Status201Created, FhirBase.Of(http.Request) + $"{resource.TypeName}/{resource.Id}/_history/{resource.Meta?.VersionId ?? "1"}");
}

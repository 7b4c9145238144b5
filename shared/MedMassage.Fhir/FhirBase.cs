using Microsoft.AspNetCore.Http;

namespace MedMassage.Fhir;

/// <summary>The FHIR base the caller sees: the gateway's public address (from X-Forwarded-*), then <c>/fhir/</c>.</summary>
public static class FhirBase
{
    public static string Of(HttpRequest request)
    {
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var prefix = First(request.Headers["X-Forwarded-Prefix"])?.TrimEnd('/') ?? "";
        return $"{scheme}://{host}{prefix}/fhir/";
    }

    // A proxy chain lists values comma-separated; the first is what the client used.
    private static string? First(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Split(',')[0].Trim();
}

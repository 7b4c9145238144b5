using MedMassage.Fhir;

namespace Microsoft.AspNetCore.Builder;

/// <summary>What the gateway answers on /fhir itself: the CapabilityStatement, and 404 for resource types no service owns.</summary>
public static class FhirEndpoints
{
    public static WebApplication MapFhirEndpoints(this WebApplication app)
    {
        // Discovery comes before a token, as SMART asks: it describes the endpoint, never data.
        app.MapGet("/fhir/metadata", (HttpContext http, TimeProvider time) =>
        {
            var fhirBase = FhirBase.Of(http.Request);
            var root = fhirBase[..^"fhir/".Length];
            return FhirResult.Ok(CapabilityStatementFactory.Create(fhirBase, root + "connect/token", root + "connect/authorize", time.GetUtcNow()));
        }).AllowAnonymous().WithName("FhirCapabilityStatement");

        app.Map("/fhir/{type}/{**rest}", (string type) => FhirProblems.UnknownType(type)).AllowAnonymous();
        app.Map("/fhir/{type}", (string type) => FhirProblems.UnknownType(type)).AllowAnonymous();
        return app;
    }
}

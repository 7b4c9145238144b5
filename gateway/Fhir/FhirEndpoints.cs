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
        }).AllowAnonymous().WithName("FhirCapabilityStatement")
            .WithSummary("What the FHIR endpoint offers").WithDescription("The CapabilityStatement: every resource type, interaction and search parameter, and the SMART OAuth URIs.");

        app.Map("/fhir/{type}/{**rest}", (string type) => FhirProblems.UnknownType(type)).AllowAnonymous()
            .WithSummary("A resource type no service has (404)");
        app.Map("/fhir/{type}", (string type) => FhirProblems.UnknownType(type)).AllowAnonymous()
            .WithSummary("A resource type no service has (404)");
        return app;
    }
}

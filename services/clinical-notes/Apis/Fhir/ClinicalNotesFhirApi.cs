using MedMassage.ClinicalNotes.Api.Apis.Fhir;

namespace Microsoft.AspNetCore.Builder;

public static class ClinicalNotesFhirApiExtensions
{
    /// <summary>The FHIR resources this service owns: Observation, CarePlan and DocumentReference, read-only.</summary>
    public static IEndpointRouteBuilder MapClinicalNotesFhirApi(this IEndpointRouteBuilder app) =>
        app.MapObservationFhirApi().MapCarePlanFhirApi().MapDocumentReferenceFhirApi();
}

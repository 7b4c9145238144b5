using MedMassage.Scheduling.Api.Apis.Fhir;

namespace Microsoft.AspNetCore.Builder;

public static class SchedulingFhirApiExtensions
{
    /// <summary>The FHIR resources this service owns: the directory, free slots and appointments.</summary>
    public static IEndpointRouteBuilder MapSchedulingFhirApi(this IEndpointRouteBuilder app) =>
        app.MapDirectoryFhirApi().MapSlotFhirApi().MapAppointmentFhirApi();
}

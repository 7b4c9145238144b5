using MedMassage.Notification.Api.Apis.Fhir;

namespace Microsoft.AspNetCore.Builder;

public static class NotificationFhirApiExtensions
{
    /// <summary>The FHIR resource this service owns: Communication (what was sent to patients), read-only.</summary>
    public static IEndpointRouteBuilder MapNotificationFhirApi(this IEndpointRouteBuilder app) => app.MapCommunicationFhirApi();
}

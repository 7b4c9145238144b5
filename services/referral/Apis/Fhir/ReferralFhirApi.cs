using MedMassage.Referral.Api.Apis.Fhir;

namespace Microsoft.AspNetCore.Builder;

public static class ReferralFhirApiExtensions
{
    /// <summary>The FHIR resources this service owns: ServiceRequest (referrals) and Patient.</summary>
    public static IEndpointRouteBuilder MapReferralFhirApi(this IEndpointRouteBuilder app) =>
        app.MapServiceRequestFhirApi().MapPatientFhirApi();
}

using MedMassage.ServiceDefaults.Identity;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Microsoft.Extensions.Hosting;

internal static class AdministrationExtensions
{
    /// <summary>Clinic admins, by the bearer token the staff app sends (not the login page's cookie).</summary>
    public const string ClinicAdmin = "identity-clinic-admin";

    public static void AddAdministration(this IHostApplicationBuilder builder) =>
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ClinicAdmin, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(Claims.Role, Roles.ClinicAdmin));
}

using System.Security.Claims;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Application.Tokens;

/// <summary>Builds what a token says about its holder: a staff member or a client system.</summary>
public sealed class TokenPrincipals(IOptions<TokenIssuerOptions> options)
{
    public ClaimsPrincipal ForStaff(StaffMember staff, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(TokenClaims.Subject, staff.Id.ToString())
            .SetClaim(TokenClaims.Name, staff.DisplayName)
            .SetClaim(TokenClaims.Role, staff.Role)
            .SetClaims(TokenClaims.Location, [.. staff.Locations.Select(l => l.ToString())]);
        if (staff.Npi is not null)
        {
            identity.SetClaim(TokenClaims.Npi, staff.Npi);
        }
        return Finish(identity, scopes);
    }

    public ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(TokenClaims.Subject, clientId)
            .SetClaim(TokenClaims.Name, displayName ?? clientId)
            .SetClaim(TokenClaims.Role, Roles.IntegrationClient);
        return Finish(identity, scopes);
    }

    private ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The identity token (staff, scope openid) tells the staff app who signed in and where they work.
            TokenClaims.Name or TokenClaims.Role or TokenClaims.Location or TokenClaims.Npi when identity.HasScope(Scopes.OpenId)
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, TokenClaims.Name, TokenClaims.Role);
}

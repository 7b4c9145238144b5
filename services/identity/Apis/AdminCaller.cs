using System.Security.Claims;
using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Domain;

namespace MedMassage.Identity.Api.Apis;

/// <summary>The clinic admin calling, as their access token says: who, and where they work.</summary>
public static class AdminCaller
{
    public static StaffAdministration Administration(this ClaimsPrincipal user) => new(
        Guid.TryParse(user.FindFirst(TokenClaims.Subject)?.Value, out var id) ? id : Guid.Empty,
        [.. user.FindAll(TokenClaims.Location).Select(c => Guid.TryParse(c.Value, out var l) ? l : Guid.Empty).Where(l => l != Guid.Empty)]);
}

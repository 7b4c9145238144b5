using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace MedMassage.StaffApp.Session;

/// <summary>The signed-in person of this circuit: who they are, where they work, and their current access token.</summary>
public sealed class StaffSession(AuthenticationStateProvider authentication, TokenRefresher refresher)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var user = await UserAsync();
        var session = user.FindFirst(StaffClaims.Session)?.Value ?? throw new SessionEndedException();
        return await refresher.AccessTokenAsync(session, ct);
    }

    public async Task<IReadOnlyList<Guid>> LocationsAsync() =>
        [.. (await UserAsync()).FindAll(StaffClaims.Location).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace MedMassage.StaffApp.Session;

/// <summary>The signed-in person of this circuit: who they are, where they work, and their current access token.</summary>
public sealed class StaffSession(AuthenticationStateProvider authentication, TokenRefresher refresher, StaffTokenStore store)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var user = await UserAsync();
        var session = user.FindFirst(StaffClaims.Session)?.Value ?? throw new SessionEndedException();
        return await refresher.AccessTokenAsync(session, ct);
    }

    /// <summary>Whether this circuit's sign-in was ended by signing out (rather than expiring or being refused).</summary>
    public async Task<bool> SignedOutAsync() =>
        (await UserAsync()).FindFirst(StaffClaims.Session)?.Value is { } session && await store.WasSignedOutAsync(session);

    public async Task<IReadOnlyList<Guid>> LocationsAsync() =>
        [.. (await UserAsync()).FindAll(StaffClaims.Location).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
}

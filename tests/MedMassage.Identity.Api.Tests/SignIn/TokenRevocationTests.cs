using System.Net;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.SignIn;

/// <summary>
/// A refresh token ends when its holder says so: at the revocation endpoint (RFC 7009), and for every refresh token of
/// the person when they sign out. Before, <c>/connect/revoke</c> was 404 and a refresh worked after logout.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TokenRevocationTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    [Fact]
    public async Task A_refresh_token_revoked_at_the_revocation_endpoint_no_longer_refreshes()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        var tokens = await browser.RedeemAsync(await browser.SignInForCodeAsync("therapist", "dev-therapist"));
        var refresh = tokens["refresh_token"]!;

        using var revoked = await browser.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(
            [new("client_id", StaffBrowser.ClientId), new("token", refresh), new("token_type_hint", "refresh_token")]));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("invalid_grant", (await browser.RefreshAsync(refresh)).Error);
    }

    [Fact]
    public async Task Signing_out_revokes_the_persons_refresh_tokens()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        var tokens = await browser.RedeemAsync(await browser.SignInForCodeAsync("frontdesk", "dev-front-desk"));
        var refreshed = await browser.RefreshAsync(tokens["refresh_token"]!);
        Assert.NotNull(refreshed["access_token"]); // the session works before signing out
        var refresh = refreshed["refresh_token"] ?? tokens["refresh_token"]!;

        using var logout = await browser.Http.GetAsync(
            $"/connect/logout?client_id={StaffBrowser.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(StaffBrowser.SignedOutUri)}");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("invalid_grant", (await browser.RefreshAsync(refresh)).Error);
    }
}

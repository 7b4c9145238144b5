using System.Net;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.SignIn;

/// <summary>The staff app's client comes from configuration, and signing out of the app ends the session here too.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SignOutTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    [Fact]
    public async Task Signing_out_ends_the_login_session_and_returns_to_the_registered_address()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        await browser.SignInForCodeAsync("therapist", "dev-therapist");

        using var logout = await browser.Http.GetAsync(
            $"/connect/logout?client_id={StaffBrowser.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(StaffBrowser.SignedOutUri)}");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(StaffBrowser.SignedOutUri, logout.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        // The next sign-in asks for the password again.
        using var again = await browser.Http.GetAsync(browser.AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("http://localhost/account/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_never_sends_the_browser_to_an_address_that_was_not_registered()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);

        using var logout = await browser.Http.GetAsync(
            $"/connect/logout?client_id={StaffBrowser.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.DoesNotContain("evil.example", logout.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_discovery_document_names_the_end_session_endpoint()
    {
        var service = await shared.GetAsync(infrastructure);
        using var client = service.CreateClient();
        var discovery = await client.GetStringAsync("/.well-known/openid-configuration");
        Assert.Contains("\"end_session_endpoint\"", discovery, StringComparison.Ordinal);
        Assert.Contains("connect/logout", discovery, StringComparison.Ordinal);
    }
}

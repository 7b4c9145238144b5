using System.Net;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.SignIn;

[Collection(InfrastructureCollection.Name)]
public sealed class LoginPageTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    [Fact]
    public async Task A_wrong_password_shows_the_page_again_with_401_and_starts_no_session()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        var authorizeUrl = browser.AuthorizeUrl();
        var form = await browser.OpenLoginPageAsync(authorizeUrl);

        using var login = await browser.SubmitLoginAsync(form, "therapist", "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("Unknown user name or wrong password.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await browser.Http.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("http://localhost/account/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        var form = await browser.OpenLoginPageAsync(browser.AuthorizeUrl());

        using var login = await browser.SubmitLoginAsync(form, "nobody", "dev-therapist");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("Unknown user name or wrong password.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_rejected_with_400()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        var form = await browser.OpenLoginPageAsync(browser.AuthorizeUrl());

        using var login = await browser.SubmitLoginAsync(form with { AntiforgeryToken = "" }, "therapist", "dev-therapist");

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Null(login.Headers.Location);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_not_followed_after_sign_in()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        var form = await browser.OpenLoginPageAsync(browser.AuthorizeUrl());

        using var login = await browser.SubmitLoginAsync(form with { ReturnUrl = "//evil.example/steal" }, "therapist", "dev-therapist");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Null(login.Headers.Location);
        Assert.Contains("Signed in as Theo Rapist (dev)", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_the_next_authorization_asks_for_the_login_again()
    {
        var service = await shared.GetAsync(infrastructure);
        using var browser = new StaffBrowser(service);
        await browser.SignInForCodeAsync("frontdesk", "dev-front-desk");

        using var logout = await browser.Http.PostAsync("/account/logout", null);
        using var authorize = await browser.Http.GetAsync(browser.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("http://localhost/account/login", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

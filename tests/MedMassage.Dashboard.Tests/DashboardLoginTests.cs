using System.Net;

namespace MedMassage.Dashboard.Tests;

public sealed class DashboardLoginTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private HttpClient Client(CookieContainer? cookies = null) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    })
    { BaseAddress = fixture.Dashboard.Url };

    [Fact]
    public async Task Without_the_token_every_page_leads_to_the_login_form()
    {
        using var client = Client();

        using var page = await client.GetAsync("/traces");
        using var action = await client.PostAsync("/api/resources/referral-api/restart", null);
        using var wrong = await client.GetAsync("/login?t=not-the-token");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, action.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("That token is not valid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_login_address_sets_a_cookie_that_opens_the_dashboard()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);

        using var login = await client.GetAsync(fixture.Dashboard.LoginUrl);
        using var page = await client.GetAsync("/traces");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>Traces</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_can_be_pasted_into_the_login_form()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);

        using var login = await client.PostAsync("/login", new FormUrlEncodedContent([new("t", fixture.Dashboard.Login.Token)]));
        using var page = await client.GetAsync("/logs");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

using System.Text.Json;
using Microsoft.Playwright;
using StackExchange.Redis;
using static Microsoft.Playwright.Assertions;

namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>
/// A staff sign-in: its tokens stay on the server and are refreshed at the identity service before they expire (the
/// suite refreshes tokens older than ten seconds, SuiteFixture), and signing out ends it at the identity service too.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SessionTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_access_token_is_refreshed_before_it_expires_and_the_pages_keep_working()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await StaffBrowser.SignInAsync(browser, suite.GatewayUrl, "therapist", "dev-therapist");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await suite.Suite.ConnectionStringAsync("redis"));
        var session = await SessionOfAsync(redis);
        var first = await AccessTokenAsync(redis, session);

        await Task.Delay(TimeSpan.FromSeconds(12));
        await StaffBrowser.OpenAsync(page, suite.GatewayUrl, "notes/unsigned", "Unsigned notes");
        await Expect(page.GetByText("Loading…")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        var second = await AccessTokenAsync(redis, session);
        Assert.NotEqual(first, second);
        // The browser holds no token: the sign-in cookie is one small cookie (tokens would need several chunks).
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name.StartsWith("medmassage.staff", StringComparison.Ordinal));
        Assert.True(cookie.Value.Length < 1500, $"the sign-in cookie is {cookie.Value.Length} characters");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_identity_service()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await StaffBrowser.SignInAsync(browser, suite.GatewayUrl, "therapist", "dev-therapist");
        var visited = new List<string>();
        page.Response += (_, response) => visited.Add($"{response.Status} {response.Request.Method} {response.Url}");
        await Expect(page.GetByText("Loading…")).ToHaveCountAsync(0); // the day has loaded: nothing redraws the button
        await page.RunAndWaitForRequestAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            request => request.Method == "POST" && request.Url.EndsWith("/staff/signout", StringComparison.Ordinal));
        // The app asks to sign in anew: through the identity service's end of session, back to the app, on to the login page.
        try
        {
            await Expect(page.GetByLabel("Password")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            Assert.Fail("No login page after signing out; the browser went through:" + Environment.NewLine + string.Join(Environment.NewLine, visited));
        }

        // Opening the app again asks for the password: neither the app's cookie nor the identity session is left.
        await page.GotoAsync(new Uri(suite.GatewayUrl, "/staff/my-day").ToString());
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_page_left_open_in_another_tab_says_it_has_signed_out_and_signs_nobody_back_in()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var first = await StaffBrowser.SignInAsync(browser, suite.GatewayUrl, "therapist", "dev-therapist");
        var second = await first.Context.NewPageAsync();
        await StaffBrowser.OpenAsync(second, suite.GatewayUrl, "my-day", "My day");

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(first.GetByLabel("Password")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The other tab's live page needs the ended sign-in for its next page: it says so and stays where it is.
        await second.GetByRole(AriaRole.Link, new() { Name = "Unsigned notes" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" })).ToBeVisibleAsync();
        await second.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await Expect(second.GetByLabel("Password")).ToBeVisibleAsync();
    }

    private static async Task<string> SessionOfAsync(ConnectionMultiplexer redis)
    {
        // The newest session key is this sign-in's (tests run one at a time in this collection).
        var server = redis.GetServers()[0];
        var keys = server.Keys(pattern: "medmassage:staff-app:session:*").ToList();
        Assert.NotEmpty(keys);
        var newest = keys.Select(k => (Key: k, Ttl: redis.GetDatabase().KeyTimeToLive(k))).OrderByDescending(k => k.Ttl).First();
        return await Task.FromResult(newest.Key.ToString());
    }

    private static async Task<string> AccessTokenAsync(ConnectionMultiplexer redis, string key)
    {
        var value = await redis.GetDatabase().StringGetAsync(key);
        Assert.False(value.IsNullOrEmpty, $"{key} holds no tokens");
        return JsonDocument.Parse((string)value!).RootElement.GetProperty("AccessToken").GetString()!;
    }
}

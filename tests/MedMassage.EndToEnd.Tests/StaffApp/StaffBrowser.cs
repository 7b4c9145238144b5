using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>A person at the staff app in Debian's Chromium: signed in through the identity service's own login page.</summary>
internal static class StaffBrowser
{
    public static async Task<IPage> SignInAsync(IBrowser browser, Uri gateway, string userName, string password, string locale = "en-US")
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = locale });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        Failures.Watch(page);
        await page.GotoAsync(new Uri(gateway, "/staff/").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/", StringComparison.Ordinal) && !url.Contains("signin", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("header form button")).ToBeVisibleAsync(); // "Sign out", in the person's language
        return page;
    }

    /// <summary>Opens a page of the app and waits until it is interactive (its heading rendered by the live circuit).</summary>
    public static async Task OpenAsync(IPage page, Uri gateway, string path, string heading)
    {
        await page.GotoAsync(new Uri(gateway, "/staff/" + path.TrimStart('/')).ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation; the screenshot is kept either way.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Chromium.ScreenshotAsync(page, $"staff-{name}");
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}

/// <summary>Invited people: their invitation link opened in a browser of their own, a password set, then signed in.</summary>
internal static class Invited
{
    public const string Password = "a long enough password";

    public static async Task<IPage> SetPasswordAndSignInAsync(IBrowser browser, Uri gateway, string invitationUrl, string userName)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        Failures.Watch(page);
        await page.GotoAsync(invitationUrl);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(gateway, "/staff/").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }
}

/// <summary>When a browser test fails, every page it had open is kept as a screenshot, to see what the person saw.</summary>
internal static class Failures
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Console = new();

    /// <summary>Keeps what the page's scripts said (Blazor reports a failed circuit or handler there).</summary>
    public static void Watch(IPage page) => page.Console += (_, message) => Console.Enqueue($"{page.Url} {message.Type}: {message.Text}");

    public static async Task ShotAsync(IBrowser browser, string test)
    {
        var i = 0;
        foreach (var page in browser.Contexts.SelectMany(c => c.Pages))
        {
            await Chromium.ScreenshotAsync(page, $"failure-{test}-{i++}");
        }
        await File.WriteAllLinesAsync(Path.Combine(Chromium.Artifacts, $"failure-{test}-console.txt"), Console);
    }
}

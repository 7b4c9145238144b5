using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>The pages speak the browser's language: Spanish for a browser asking for Spanish, English otherwise.</summary>
[Collection(SuiteCollection.Name)]
public sealed class LanguageTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_browser_asking_for_Spanish_gets_the_pages_in_Spanish()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await StaffBrowser.SignInAsync(browser, suite.GatewayUrl, "admin", "dev-admin", locale: "es-ES");

        await page.GotoAsync(new Uri(suite.GatewayUrl, "/staff/referrals").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bandeja de derivaciones", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await StaffBrowser.AssertAccessibleAsync(page, "inbox-es");
    }
}

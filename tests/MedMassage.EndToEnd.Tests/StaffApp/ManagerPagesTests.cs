using System.Net;
using System.Net.Http.Json;
using MedMassage.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>A manager of Riverside looks at its figures as charts, and takes each table away as CSV.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ManagerPagesTests(SuiteFixture suite)
{
    private static readonly Guid Riverside = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");

    [Fact]
    public async Task A_manager_sees_utilization_attendance_and_outcomes_as_charts_and_downloads_them_as_CSV()
    {
        using var admin = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        await Journey.SetUpClinicAsync(admin, Riverside);
        var userName = $"mgr{Guid.NewGuid():N}"[..12];
        var invitation = await Journey.ReadAsync(await admin.PostAsJsonAsync("/api/identity/staff",
            new { userName, displayName = "Mona Manager", role = "manager", locations = new[] { Riverside } }), HttpStatusCode.Created);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        try
        {
            var manager = await Invited.SetPasswordAndSignInAsync(browser, suite.GatewayUrl, invitation.GetProperty("invitationUrl").GetString()!, userName);
            await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Clinic figures", Level = 1 })).ToBeVisibleAsync();
            await Expect(manager.GetByRole(AriaRole.Img, new() { Name = "Utilization" }).First).ToBeVisibleAsync();
            await Expect(manager.Locator("main")).ToContainTextAsync("Theo Rapist");

            var download = await manager.RunAndWaitForDownloadAsync(() =>
                manager.GetByRole(AriaRole.Link, new() { Name = "Download CSV (Attendance and utilization)" }).ClickAsync());
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.StartsWith("location,therapist,from,to,visits_kept", csv, StringComparison.Ordinal); // the byte order mark is read away
            Assert.Contains("Riverside,Theo Rapist,", csv, StringComparison.Ordinal);
            await StaffBrowser.AssertAccessibleAsync(manager, "manager-figures");

            // The manager's work is figures: no chart, no inbox.
            await manager.GotoAsync(new Uri(suite.GatewayUrl, "/staff/referrals").ToString());
            await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Not for your role" })).ToBeVisibleAsync();
        }
        catch
        {
            await Failures.ShotAsync(browser, "manager");
            throw;
        }
    }
}

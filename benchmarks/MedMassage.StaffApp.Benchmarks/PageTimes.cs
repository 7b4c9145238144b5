using System.Diagnostics;
using Microsoft.Playwright;

namespace MedMassage.StaffApp.Benchmarks;

/// <summary>Time from navigation to the page's heading rendered by the live circuit (interactive), per page.</summary>
internal static class PageTimes
{
    private static readonly (string Path, string Heading)[] Pages =
    [
        ("referrals", "Referral inbox"), ("patients", "Patients"), ("calendar", "Calendar"), ("waitlist", "Waitlist"),
        ("my-day", "My day"), ("notes/unsigned", "Unsigned notes"), ("admin/locations", "Locations"), ("admin/therapists", "Therapists"),
        ("admin/appointment-types", "Appointment types"), ("admin/staff", "Staff accounts"), ("admin/clients", "Integration clients"),
        ("figures", "Clinic figures"),
    ];

    public static async Task<int> RunAsync(Uri gateway, string user, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(gateway, "/staff/").ToString());
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        foreach (var (path, heading) in Pages)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(new Uri(gateway, "/staff/" + path).ToString());
                await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
                // Interactive with its data: the live circuit rendered the heading and the page is no longer loading.
                await Assertions.Expect(page.GetByText("Loading…")).ToHaveCountAsync(0);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{path,-26} median {times[2],6:0} ms  max {times[^1],6:0} ms");
        }
        return 0;
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>
/// A clinic admin sets up their location, a therapist and a staff account in the browser; the new person follows the
/// invitation, sets a password and signs in. Someone of another location sees none of it. Every page passes axe.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AdminPagesTests(SuiteFixture suite)
{
    [Fact]
    public async Task An_admin_sets_up_a_location_a_therapist_and_a_staff_account_and_the_new_person_signs_in()
    {
        var gateway = suite.GatewayUrl;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        try
        {
            var admin = await StaffBrowser.SignInAsync(browser, gateway, "admin", "dev-admin");
            await Journey.SetUpClinicAsync(suite.GatewayAs(await MedMassage.Testing.SuiteTokens.StaffAsync(gateway, "admin", "dev-admin")),
                Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4"));

            // The location: a third room, Sunday closed.
            await StaffBrowser.OpenAsync(admin, gateway, "admin/locations", "Locations");
            await admin.GetByLabel("Location", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Riverside" });
            var rooms = admin.GetByLabel("Rooms (one per line)");
            await rooms.FillAsync((await rooms.InputValueAsync()).Replace("Room 3", "", StringComparison.Ordinal).Trim() + "\nRoom 3");
            await StaffBrowser.AssertAccessibleAsync(admin, "admin-locations");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save location" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Riverside is saved.");

            // A therapist with weekday hours.
            var therapist = $"Tina {Guid.NewGuid():N}"[..13];
            await StaffBrowser.OpenAsync(admin, gateway, "admin/therapists", "Therapists");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add a therapist" }).ClickAsync();
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(therapist);
            await admin.GetByLabel("Licence number").FillAsync("MT-7001");
            await admin.GetByLabel("Licence state").FillAsync("NY");
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Riverside" }).CheckAsync();
            await StaffBrowser.AssertAccessibleAsync(admin, "admin-therapists");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save therapist" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{therapist} is saved.");
            await Expect(admin.Locator("main table")).ToContainTextAsync(therapist);

            // A front-desk person invited, who sets a password from the link and signs in.
            var userName = $"desk{Guid.NewGuid():N}"[..12];
            await StaffBrowser.OpenAsync(admin, gateway, "admin/staff", "Staff accounts");
            await admin.GetByLabel("User name").FillAsync(userName);
            await admin.GetByLabel("Full name").FillAsync("Dana Desk");
            await admin.GetByLabel("Role").SelectOptionAsync("front-desk");
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Riverside" }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
            var link = await admin.Locator("#invitation-link").InputValueAsync();
            await Expect(admin.Locator("main table")).ToContainTextAsync(userName);
            await StaffBrowser.AssertAccessibleAsync(admin, "admin-staff");
            var desk = await Invited.SetPasswordAndSignInAsync(browser, gateway, link, userName);
            await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Referral inbox", Level = 1 })).ToBeVisibleAsync();
            await Expect(desk.Locator("header")).ToContainTextAsync("Dana Desk");

            await StaffBrowser.OpenAsync(admin, gateway, "admin/clients", "Integration clients");
            await StaffBrowser.AssertAccessibleAsync(admin, "admin-clients");
            await StaffBrowser.OpenAsync(admin, gateway, "admin/appointment-types", "Appointment types");
            await StaffBrowser.AssertAccessibleAsync(admin, "admin-appointment-types");

            // Someone of another location sees none of it, and the admin pages are not theirs.
            var other = await StaffBrowser.SignInAsync(browser, gateway, "frontdesk", "dev-front-desk");
            await other.GotoAsync(new Uri(gateway, "/staff/admin/staff").ToString());
            await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Not for your role" })).ToBeVisibleAsync();
            await StaffBrowser.OpenAsync(other, gateway, "calendar", "Calendar");
            await Expect(other.Locator("main")).Not.ToContainTextAsync(therapist);
            await Expect(other.GetByLabel("Location")).Not.ToContainTextAsync("Riverside");
        }
        catch
        {
            await Failures.ShotAsync(browser, "admin");
            throw;
        }
    }
}

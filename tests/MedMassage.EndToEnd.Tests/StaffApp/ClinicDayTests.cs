using System.Net;
using System.Net.Http.Json;
using MedMassage.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>
/// A clinic's day in the browser: the front desk accepts a referral and books the evaluation from free times, the
/// therapist evaluates (the outcome measure scored as it is typed), plans and signs; the front desk books the series
/// from the calendar and a visit today; the therapist writes the SOAP note (units as minutes are typed) and signs it.
/// Someone of another location sees none of it. Every page passes axe.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ClinicDayTests(SuiteFixture suite)
{
    private static readonly Guid Riverside = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");

    [Fact]
    public async Task The_front_desk_and_a_therapist_take_a_referral_from_the_inbox_to_a_signed_note_in_the_browser()
    {
        using var admin = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        using var office = suite.GatewayAs(await SuiteTokens.WithClientSecretAsync(suite.GatewayUrl, "physician-office-dev", "dev-office-secret", "system/ServiceRequest.write"));
        await Journey.SetUpClinicAsync(admin, Riverside);
        var submitted = await Journey.ReadAsync(await office.PostAsJsonAsync("/api/referrals", SampleReferral.Submission($"dr-{Guid.NewGuid():N}@clinic.example", Riverside)), HttpStatusCode.Created);
        var reference = submitted.GetProperty("reference").GetString()!;
        var gateway = suite.GatewayUrl;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        try
        {

            // Front desk: a person the admin invited to Riverside; the new referral in the inbox, accepted, its evaluation
            // booked from the free times.
            var deskUser = $"desk{Guid.NewGuid():N}"[..12];
            var invitation = await Journey.ReadAsync(await admin.PostAsJsonAsync("/api/identity/staff",
                new { userName = deskUser, displayName = "Rita Riverside", role = "front-desk", locations = new[] { Riverside } }), HttpStatusCode.Created);
            var desk = await Invited.SetPasswordAndSignInAsync(browser, gateway, invitation.GetProperty("invitationUrl").GetString()!, deskUser);
            await StaffBrowser.OpenAsync(desk, gateway, "referrals", "Referral inbox");
            await StaffBrowser.AssertAccessibleAsync(desk, "inbox");
            await desk.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
            await desk.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
            await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Referral accepted.");
            await BookFirstFreeTimeAsync(desk, "evaluation");
            await StaffBrowser.AssertAccessibleAsync(desk, "referral");

            // Therapist: the evaluation from their day, scored as it is typed, signed; the plan written and activated.
            var therapist = await StaffBrowser.SignInAsync(browser, gateway, "therapist", "dev-therapist");
            await StaffBrowser.OpenAsync(therapist, gateway, "my-day", "My day");
            await StaffBrowser.AssertAccessibleAsync(therapist, "my-day");
            await therapist.Locator("tr", new() { HasText = "evaluation" }).GetByRole(AriaRole.Link, new() { Name = "Evaluation" }).First.ClickAsync();
            await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Evaluation", Level = 1 })).ToBeVisibleAsync();
            await therapist.GetByLabel("History").FillAsync("Low back pain for 6 weeks after lifting.");
            await therapist.GetByLabel("Pain (0–10)").FillAsync("7");
            await therapist.GetByLabel("Degrees").FillAsync("40");
            int[] answers = [3, 2, 2, 3, 2, 2, 1, 2, 3, 2];
            for (var i = 0; i < answers.Length; i++)
            {
                await therapist.GetByLabel($"Item {i + 1}", new() { Exact = true }).FillAsync(answers[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await Expect(therapist.GetByTestId("outcome-score")).ToHaveTextAsync("44.0");
            await therapist.GetByLabel("Assessment").FillAsync("Myofascial restriction, lumbar.");
            await StaffBrowser.AssertAccessibleAsync(therapist, "evaluation");
            await therapist.GetByRole(AriaRole.Button, new() { Name = "Save evaluation" }).ClickAsync();
            await therapist.GetByRole(AriaRole.Button, new() { Name = "Sign evaluation" }).ClickAsync();
            await therapist.GetByRole(AriaRole.Link, new() { Name = "Write the treatment plan" }).ClickAsync();
            await therapist.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
            await StaffBrowser.AssertAccessibleAsync(therapist, "plan");
            await therapist.GetByRole(AriaRole.Button, new() { Name = "Activate plan" }).ClickAsync();
            await Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Plan activated");

            // Front desk: the series from the plan and a visit today, booked from the calendar once scheduling knows the plan.
            await Journey.UntilAsync(admin, $"/api/scheduling/referrals/{submitted.GetProperty("id").GetGuid()}", r => r.GetProperty("hasActivePlan").GetBoolean());
            await StaffBrowser.OpenAsync(desk, gateway, "calendar", "Calendar");
            await desk.GetByLabel("Location").SelectOptionAsync(new SelectOptionValue { Label = "Riverside" });
            var referralPicker = desk.GetByLabel("Referral", new() { Exact = true });
            await referralPicker.SelectOptionAsync((await referralPicker.Locator("option", new() { HasText = reference }).GetAttributeAsync("value"))!);
            await desk.GetByLabel("Therapist", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Theo Rapist" });
            await desk.GetByLabel("First week starts").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await desk.GetByLabel("Weeks").FillAsync("2");
            await desk.GetByLabel("Time", new() { Exact = true }).FillAsync("15:00"); // the care journey books Theo at 10:00
            await desk.GetByRole(AriaRole.Button, new() { Name = "Book series" }).ClickAsync();
            await Expect(desk.GetByText("2 booked, 0 refused.")).ToBeVisibleAsync();
            await BookFirstFreeTimeAsync(desk, "treatment");
            await Expect(desk.Locator(".calendar")).ToContainTextAsync("Maria Lopez");
            await StaffBrowser.AssertAccessibleAsync(desk, "calendar");

            // Therapist: today's treatment documented, units shown as the minutes are typed, then signed.
            await StaffBrowser.OpenAsync(therapist, gateway, "my-day", "My day");
            await therapist.Locator("tr", new() { HasText = "treatment" }).GetByRole(AriaRole.Link, new() { Name = "Visit note" }).First.ClickAsync();
            await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Visit note", Level = 1 })).ToBeVisibleAsync();
            await therapist.GetByLabel("Subjective").FillAsync("Back feels looser.");
            await therapist.GetByLabel("Objective").FillAsync("Trigger points in the lumbar paraspinals.");
            await therapist.GetByLabel("Assessment").FillAsync("Progressing.");
            await therapist.GetByLabel("Plan", new() { Exact = true }).FillAsync("Continue plan of care.");
            await therapist.GetByLabel("Pain before").FillAsync("6");
            await therapist.GetByLabel("Pain after").FillAsync("3");
            await therapist.GetByLabel("Minutes").PressSequentiallyAsync("7");
            await Expect(therapist.GetByTestId("billable-units")).ToHaveTextAsync("0");
            await therapist.GetByLabel("Minutes").PressSequentiallyAsync("0"); // 70 minutes: 5 units
            await Expect(therapist.GetByTestId("billable-units")).ToHaveTextAsync("5");
            await therapist.GetByLabel("Minutes").FillAsync("30");
            await Expect(therapist.GetByTestId("billable-units")).ToHaveTextAsync("2");
            await StaffBrowser.AssertAccessibleAsync(therapist, "visit-note");
            await therapist.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(therapist.GetByText("Draft saved.")).ToBeVisibleAsync();

            // The same draft revised in another tab meanwhile: this tab may not sign a version it never saw.
            var otherTab = await therapist.Context.NewPageAsync();
            await otherTab.GotoAsync(therapist.Url);
            await Expect(otherTab.GetByLabel("Assessment")).ToHaveValueAsync("Progressing.");
            await otherTab.GetByLabel("Assessment").FillAsync("Progressing well.");
            await otherTab.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(otherTab.GetByText("Draft saved.")).ToBeVisibleAsync();
            await otherTab.CloseAsync();
            await therapist.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
            await Expect(therapist.GetByText("The note has changed")).ToBeVisibleAsync();
            await Expect(therapist.GetByText("Signed on")).ToHaveCountAsync(0);
            await therapist.ReloadAsync();
            await Expect(therapist.GetByLabel("Assessment")).ToHaveValueAsync("Progressing well.");

            await therapist.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
            await Expect(therapist.GetByText("Signed on")).ToBeVisibleAsync();
            await Expect(therapist.Locator("main")).ToContainTextAsync("Progressing well.");
            await Expect(therapist.Locator(".visit-header")).ToContainTextAsync("Maria Lopez");
            await StaffBrowser.AssertAccessibleAsync(therapist, "signed-note");

            // Someone of another location sees none of it.
            var other = await StaffBrowser.SignInAsync(browser, gateway, "frontdesk", "dev-front-desk");
            await StaffBrowser.OpenAsync(other, gateway, "referrals", "Referral inbox");
            await other.GetByRole(AriaRole.Button, new() { Name = "All", Exact = true }).ClickAsync();
            await Expect(other.Locator("main")).Not.ToContainTextAsync(reference);
            await StaffBrowser.OpenAsync(other, gateway, "patients", "Patients");
            await other.GetByLabel("Name, date of birth").FillAsync(reference);
            await other.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("No patient found");
            await StaffBrowser.AssertAccessibleAsync(other, "patients");
        }
        catch
        {
            await Failures.ShotAsync(browser, "clinic-day");
            throw;
        }
    }

    /// <summary>Searches free times of the given kind on the open referral's booking panel and books the last one shown.</summary>
    private static async Task BookFirstFreeTimeAsync(IPage desk, string kind)
    {
        var panel = desk.GetByRole(AriaRole.Region, new() { Name = "Book a visit", Exact = true });
        var type = panel.GetByLabel("Appointment type");
        var option = await type.Locator("option", new() { HasText = kind }).First.GetAttributeAsync("value");
        await type.SelectOptionAsync(option!);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Find free times" }).ClickAsync();
        // The last time offered (hours ahead, still today at the location): other journeys book Theo for the next minutes.
        await panel.Locator("h3", new() { HasText = "Theo Rapist" }).First.Locator("xpath=following-sibling::div[1]").GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status).First).ToContainTextAsync("Booked");
    }
}

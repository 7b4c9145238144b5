using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MedMassage.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedMassage.Dashboard.Tests;

/// <summary>
/// The operator's path through the real suite in real Chromium: log in with the printed address, see every
/// resource running, follow one request's trace across services, look at logs, metrics and queues, restart a service.
/// </summary>
[Collection(RealServersCollection.Name)]
public sealed partial class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] Resources =
        ["eventbus", "redis", "postgres", "smtp", "referral-api", "scheduling-api", "clinical-notes-api", "notification-api", "gateway"];

    [Fact]
    public async Task An_operator_sees_the_suite_running_follows_a_request_across_services_and_restarts_a_service()
    {
        await using var suite = await AppHostProcess.StartAsync(TimeSpan.FromSeconds(240));
        var loginUrl = LoginAddress().Match(suite.Output);
        Assert.True(loginUrl.Success, "the AppHost prints the dashboard's login address");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        try
        {
            // Resources: the login address sets the cookie and lands on the resources page.
            await page.GotoAsync(loginUrl.Value.Replace("127.0.0.1:" + suite.DashboardPort, suite.DashboardUrl.Authority, StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Resources");
            foreach (var name in Resources)
            {
                await Assertions.Expect(page.Locator($"tr[data-resource='{name}'] .state")).ToHaveTextAsync("Running");
            }
            // Every row, including resources added to the AppHost later.
            var states = page.Locator("tr[data-resource] .state");
            await Assertions.Expect(states).ToHaveTextAsync([.. Enumerable.Repeat("Running", await states.CountAsync())]);
            await Assertions.Expect(page.Locator("tr[data-resource='referral-api']")).ToContainTextAsync("Healthy");
            await ScreenshotAsync(page, "1-resources");

            // A request through the gateway, marked by a path of its own so its trace can be found.
            var marker = Guid.NewGuid().ToString();
            // A therapist signed in through the login page (development seed), so the request reaches the service.
            var therapist = await SuiteTokens.StaffAsync(suite.GatewayUrl, "therapist", "dev-therapist");
            using (var http = new HttpClient { BaseAddress = suite.GatewayUrl })
            {
                http.DefaultRequestHeaders.Authorization = new("Bearer", therapist);
                using var response = await http.GetAsync($"/api/referrals/{marker}");
                output.WriteLine($"GET /api/referrals/{marker} through the gateway: {(int)response.StatusCode}");
            }

            // Traces: the request shows up (exporters send every second) touching the gateway and the referral service.
            // Each service exports on its own schedule, so wait until both halves of the trace are in.
            var row = page.Locator("tr[data-trace]").Filter(new() { HasText = "referral-api" }).Filter(new() { HasText = "gateway" });
            await Eventually.WaitAsync(async () =>
            {
                await page.GotoAsync(new Uri(suite.DashboardUrl, $"/traces?q={marker}").ToString());
                return await row.CountAsync();
            }, count => count > 0, TimeSpan.FromSeconds(30), "the request's trace on the traces page");
            await ScreenshotAsync(page, "2-traces");

            await row.First.Locator("a").First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Trace:");
            await Assertions.Expect(page.Locator(".wf-row[data-service='gateway']").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".wf-row[data-service='referral-api']").First).ToBeVisibleAsync();
            // The service's request span, not a span beside it (the first authenticated request also fetches the
            // identity service's metadata within the same trace, and that span may be listed first).
            await page.Locator(".wf-row[data-service='referral-api']").Filter(new() { HasText = marker }).Locator("summary").First.ClickAsync();
            await Assertions.Expect(page.Locator(".wf-row[open] .attrs").First).ToContainTextAsync(marker);
            await ScreenshotAsync(page, "3-waterfall");

            // A referral submitted through the gateway: its trace goes on through the outbox and RabbitMQ
            // into the notification service that consumes ReferralReceived.
            var office = await SuiteTokens.WithClientSecretAsync(suite.GatewayUrl, "physician-office-dev", "dev-office-secret", "system/ServiceRequest.write");
            using (var http = new HttpClient { BaseAddress = suite.GatewayUrl })
            {
                http.DefaultRequestHeaders.Authorization = new("Bearer", office);
                using var submitted = await http.PostAsJsonAsync("/api/referrals", SampleReferral.Submission("carter@clinic.example"));
                Assert.Equal(System.Net.HttpStatusCode.Created, submitted.StatusCode);
            }
            var crossing = page.Locator("tr[data-trace]").Filter(new() { HasText = "POST" })
                .Filter(new() { HasText = "gateway" }).Filter(new() { HasText = "referral-api" }).Filter(new() { HasText = "notification-api" });
            await Eventually.WaitAsync(async () =>
            {
                await page.GotoAsync(new Uri(suite.DashboardUrl, "/traces").ToString());
                return await crossing.CountAsync();
            }, count => count > 0, TimeSpan.FromSeconds(60), "the referral's trace reaching the notification service");
            await crossing.First.Locator("a").First.ClickAsync();
            await Assertions.Expect(page.Locator(".wf-row[data-service='gateway']").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".wf-row[data-service='referral-api']").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".wf-row[data-service='notification-api']").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "3b-referral-across-rabbitmq");

            // Structured logs and console output of the services.
            await page.GotoAsync(new Uri(suite.DashboardUrl, "/logs?service=referral-api").ToString());
            await Assertions.Expect(page.Locator("table.logs > tbody > tr").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "4-structured-logs");

            await page.GotoAsync(new Uri(suite.DashboardUrl, "/console/referral-api").ToString());
            await Assertions.Expect(page.Locator("pre.console .line").First).ToBeAttachedAsync();
            await page.Locator("[data-console-search]").FillAsync("Now listening on");
            await Assertions.Expect(page.Locator("pre.console .line:not(.hidden)").First).ToContainTextAsync("Now listening on");
            await ScreenshotAsync(page, "5-console");

            // Metrics: the gateway served our request; queues: the broker's queues with their depths.
            await Eventually.WaitAsync(async () =>
            {
                await page.GotoAsync(new Uri(suite.DashboardUrl, "/metrics").ToString());
                return await page.Locator("tr[data-service='gateway'] td").Nth(2).InnerTextAsync();
            }, requests => requests != "0", TimeSpan.FromSeconds(30), "the gateway's request count on the metrics page");
            await ScreenshotAsync(page, "6-metrics");

            await page.GotoAsync(new Uri(suite.DashboardUrl, "/queues").ToString());
            await Assertions.Expect(page.Locator("table.queues tbody tr").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "7-queues");

            // Restart a service from the resources page: it comes back running, with its restart counted.
            await page.GotoAsync(suite.DashboardUrl.ToString());
            var notification = page.Locator("tr[data-resource='notification-api']");
            var pidBefore = await notification.Locator("td").Nth(3).InnerTextAsync();
            await notification.Locator("button", new() { HasText = "Restart" }).ClickAsync();
            await Assertions.Expect(notification.Locator("td").Nth(6)).ToHaveTextAsync("1", new() { Timeout = 30_000 });
            await Assertions.Expect(notification.Locator(".state")).ToHaveTextAsync("Running", new() { Timeout = 180_000 });
            Assert.NotEqual(pidBefore, await notification.Locator("td").Nth(3).InnerTextAsync());
            await ScreenshotAsync(page, "8-restarted");
        }
        catch
        {
            await ScreenshotAsync(page, "failure");
            output.WriteLine(suite.Output);
            throw;
        }
    }

    private async Task ScreenshotAsync(IPage page, string name) =>
        output.WriteLine($"screenshot: {await Chromium.ScreenshotAsync(page, "suite-" + name)}");

    [GeneratedRegex(@"http://\S+/login\?t=[0-9a-f]+")]
    private static partial Regex LoginAddress();
}

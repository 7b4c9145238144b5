using System.Net.Http.Json;
using System.Security.Cryptography;
using MedMassage.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedMassage.EndToEnd.Tests;

/// <summary>
/// The operator's path through the real Aspire dashboard in Debian's Chromium, on the AppHost run as scripts/run.sh
/// runs it: log in with the printed address, see every resource running, follow one referral's trace from the
/// gateway through the referral service and RabbitMQ to the notification service, read a service's structured
/// logs, and restart a service from the dashboard.
/// </summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    private static readonly string[] Resources =
        ["eventbus", "eventbus-epmd", "redis", "postgres", "smtp", "identity-api", "referral-api", "scheduling-api", "clinical-notes-api", "notification-api", "staff-app", "gateway"];

    [Fact]
    public async Task An_operator_sees_the_suite_running_follows_a_referral_across_services_and_restarts_a_service()
    {
        await using var suite = await AppHostProcess.StartAsync(TimeSpan.FromMinutes(5));
        var login = suite.LoginUrl ?? throw new InvalidOperationException($"No login address printed:{Environment.NewLine}{suite.Output}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        try
        {
            // Resources: the login address sets the cookie and lands on the resources page, every resource Running.
            await page.GotoAsync(login.ToString());
            foreach (var name in Resources)
            {
                await Assertions.Expect(Row(page, name)).ToContainTextAsync("Running", new() { Timeout = 60_000 });
            }
            await Chromium.ScreenshotAsync(page, "1-resources");

            // A referral submitted through the gateway with a trace id of our own, so its trace can be opened.
            var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await SubmitReferralAsync(suite.GatewayUrl, traceId);
            output.WriteLine($"referral submitted in trace {traceId}");

            // Traces: the one trace spans the gateway, the referral service and, through RabbitMQ, the notification service.
            await Eventually.WaitAsync(async () =>
            {
                await page.GotoAsync(new Uri(suite.DashboardUrl, $"/traces/detail/{traceId}").ToString());
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                return await page.ContentAsync();
            }, html => html.Contains("gateway", StringComparison.Ordinal) && html.Contains("referral-api", StringComparison.Ordinal)
                && html.Contains("notification-api", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the referral's trace across services");
            await Chromium.ScreenshotAsync(page, "2-trace");

            // Structured logs of one service.
            await page.GotoAsync(new Uri(suite.DashboardUrl, "/structuredlogs/resource/referral-api").ToString());
            await Assertions.Expect(page.GetByText("Now listening on", new() { Exact = false }).First).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "3-structured-logs");

            // Restart the notification service from the dashboard: it runs again, as a new process.
            var before = NotificationService(suite);
            await page.GotoAsync(suite.DashboardUrl.ToString());
            await Row(page, "notification-api").GetByRole(AriaRole.Button).Last.ClickAsync(); // the row's "…" menu
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Restart" }).ClickAsync();
            await Eventually.WaitAsync(() => Task.FromResult(NotificationService(suite)), pid => pid is not null && pid != before,
                TimeSpan.FromSeconds(90), "notification-api running as a new process");
            await Assertions.Expect(Row(page, "notification-api")).ToContainTextAsync("Running", new() { Timeout = 90_000 });
            await Chromium.ScreenshotAsync(page, "4-restarted");
        }
        catch
        {
            output.WriteLine($"screenshot: {await Chromium.ScreenshotAsync(page, "failure")}");
            throw;
        }
    }

    private static ILocator Row(IPage page, string resource) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) });

    private static int? NotificationService(AppHostProcess suite) =>
        suite.AllProcesses().Where(p => ProcessTree.IsAlive(p))
            .Select(p => (int?)p).FirstOrDefault(p => ProcessTree.CommandLine(p!.Value).EndsWith("/MedMassage.Notification.Api", StringComparison.Ordinal));

    private static async Task SubmitReferralAsync(Uri gateway, string traceId)
    {
        var token = await SuiteTokens.WithClientSecretAsync(gateway, "physician-office-dev", "dev-office-secret", "system/ServiceRequest.write");
        using var http = new HttpClient { BaseAddress = gateway };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = JsonContent.Create(SampleReferral.Submission($"dr-{Guid.NewGuid():N}@example.test")),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}

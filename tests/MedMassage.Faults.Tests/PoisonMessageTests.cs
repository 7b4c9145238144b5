using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Hosting;
using MedMassage.Testing;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests;

/// <summary>
/// A message no retry can apply (a clearance request about a referral notification has never heard of) lands in
/// notification's error queue after its retries; ops are alerted (the service and the gateway turn Degraded, and
/// <c>/health/details</c> names the queue); everything else keeps flowing; once the cause is fixed (the referral
/// becomes known), the dashboard's "Move error messages back" replays it, and it is applied once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PoisonMessageTests(FaultSuite faults, ITestOutputHelper output)
{
    private const int Others = 10;

    [Fact]
    public async Task A_poison_message_waits_in_the_error_queue_alerts_ops_and_is_applied_once_when_moved_back_after_the_fix()
    {
        var suite = faults.Suite;
        var adminToken = await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin");
        using var admin = faults.As(adminToken);
        using var office = await faults.OfficeAsync();
        using var notification = new HttpClient { BaseAddress = suite.EndpointOf("notification-api") };
        notification.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        await faults.ClinicAsync(admin, 4);
        await using var bus = await EventProbe.StartAsync(await suite.ConnectionStringAsync("eventbus"));
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();

        var unknown = Guid.NewGuid();
        var poison = new ClearanceRequested(unknown, []);
        await bus.PublishAsync(poison);

        // Meanwhile everything else flows: referrals accepted now get their e-mails.
        var emails = new List<string>();
        for (var i = 0; i < Others; i++)
        {
            var email = $"o{i}-{run}@patients.example";
            using var submitted = await FaultSuite.SubmitAsync(office, email, i, lastName: $"Poison{run}");
            var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await admin.PostAsync($"/api/referrals/{id}/accept", null)).EnsureSuccessStatusCode();
            emails.Add(email);
        }
        await Eventually.WaitAsync(() => Task.FromResult(suite.Mailbox()), m => emails.All(e => m.Any(x => x.Contains(e, StringComparison.Ordinal))),
            TimeSpan.FromMinutes(1), "the other referrals' e-mails");
        var othersDelivered = clock.Elapsed;

        // The poison exhausts its retries and waits in the error queue; ops see it.
        var alert = await Eventually.WaitAsync(() => ErrorQueuesAsync(notification), c => c.Status == "Degraded", TimeSpan.FromMinutes(2), "the error-queue alert");
        var alerted = clock.Elapsed;
        var gateway = await admin.GetFromJsonAsync<JsonElement>("/health");
        Assert.Empty(await DeliveryLogAsync(admin, poison.EventId));

        // The fix: notification learns the referral (its owner's state arrives). Then ops move the error messages back.
        var patient = new PatientContact(Guid.NewGuid(), "Pia Poison", $"fix-{run}@patients.example", null, "email", "en");
        await bus.PublishAsync(new ReferralChanged(ReferralStates.Accepted(id: unknown, locationId: FaultSuite.Riverside, patient: patient)));
        // Should the replay overtake it, the replayed message is retried until it lands (the suite's one rule).
        var moved = await suite.App.ResourceCommands.ExecuteCommandAsync("eventbus", ErrorQueues.MoveBackCommand);
        Assert.True(moved.Success, moved.Message);
        var applied = await Eventually.WaitAsync(() => DeliveryLogAsync(admin, poison.EventId), m => m.Count > 0, TimeSpan.FromMinutes(1), "the replayed alert");
        var replayed = clock.Elapsed;

        // Applied once: published again (a duplicate delivery), nothing more happens; the alert clears.
        await bus.PublishAsync(poison);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var afterDuplicate = await DeliveryLogAsync(admin, poison.EventId);
        var cleared = await Eventually.WaitAsync(() => ErrorQueuesAsync(notification), c => c.Status == "Healthy", TimeSpan.FromMinutes(1), "the alert to clear");

        output.WriteLine($"Poison published at 0 s; the {Others} other referrals' e-mails all delivered by {othersDelivered.TotalSeconds:0.0} s; "
            + $"alert at {alerted.TotalSeconds:0.0} s ({alert.Description}; gateway /health {gateway.GetProperty("status")}); "
            + $"after the fix and the move back, applied at {replayed.TotalSeconds:0.0} s: {applied.Count} message(s) "
            + $"({string.Join(", ", applied.Select(m => m.Type + "/" + m.Channel))}); after a duplicate: {afterDuplicate.Count}; alert cleared: {cleared.Status}");
        Assert.Contains("_error", alert.Description, StringComparison.Ordinal);
        Assert.Equal("Degraded", gateway.GetProperty("status").GetString());
        Assert.Equal("clearance-request", Assert.Single(applied).Type); // the physician's e-mail, once
        Assert.Equal(applied.Select(m => m.Id).Order(), afterDuplicate.Select(m => m.Id).Order());
    }

    private static async Task<(string Status, string Description)> ErrorQueuesAsync(HttpClient service)
    {
        using var response = await service.GetAsync("/health/details");
        var check = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("error-queues");
        return (check.GetProperty("status").GetString()!, check.GetProperty("description").GetString() ?? "");
    }

    private static async Task<List<(Guid Id, string Type, string Channel)>> DeliveryLogAsync(HttpClient admin, Guid eventId) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/messages?sourceEventId={eventId}")).EnumerateArray()
            .Select(m => (m.GetProperty("id").GetGuid(), m.GetProperty("type").GetString()!, m.GetProperty("channel").GetString()!))];
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests;

/// <summary>
/// The SMTP server down while referrals are accepted: their e-mails wait (no attempt used up, however long the outage),
/// ops and clinic admins see the backlog, and when the server returns every e-mail goes once, within seconds.
/// <c>FAULTS_SMTP_OUTAGE</c> sets the outage in seconds (30 in CI; 600 for the full run).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SmtpOutageTests(FaultSuite faults, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("FAULTS_SMTP_OUTAGE"), out var s) ? s : 30);
    private const int Referrals = 30;

    [Fact]
    public async Task While_the_mail_server_is_down_e_mails_wait_visibly_and_each_goes_once_when_it_returns()
    {
        var suite = faults.Suite;
        using var admin = await faults.AdminAsync();
        using var office = await faults.OfficeAsync();
        await faults.ClinicAsync(admin, 4);
        var smtp = await faults.ServerAsync("smtp");
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();

        await smtp.StopAsync();
        var emails = new List<string>();
        for (var i = 0; i < Referrals; i++)
        {
            var email = $"m{i}-{run}@patients.example";
            using var submitted = await FaultSuite.SubmitAsync(office, email, i, lastName: $"Smtp{run}");
            var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await admin.PostAsync($"/api/referrals/{id}/accept", null)).EnsureSuccessStatusCode();
            emails.Add(email);
        }
        // Every acceptance e-mail is queued and waiting for the server, and the backlog says so.
        var backlog = await Eventually.WaitAsync(() => EmailBacklogAsync(admin), b => b.Waiting >= Referrals, TimeSpan.FromMinutes(1), "the e-mail backlog");
        var remaining = Outage - clock.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }
        // Access tokens live five minutes: a long outage outlives the first one.
        using var later = await faults.AdminAsync();
        var waiting = await Task.WhenAll(emails.Select(e => AcceptanceOfAsync(later, e)));
        var backlogAtEnd = await EmailBacklogAsync(later);

        await smtp.StartAsync(CancellationToken.None);
        var back = clock.Elapsed;
        await Eventually.WaitAsync(() => Task.FromResult(suite.Mailbox()), m => emails.All(e => Count(m, e) >= 1), TimeSpan.FromMinutes(2), "every e-mail once the server is back");
        var delivered = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5)); // a duplicate would have arrived by now
        var mails = suite.Mailbox();
        var sent = await Task.WhenAll(emails.Select(e => AcceptanceOfAsync(later, e)));
        var after = await Eventually.WaitAsync(() => EmailBacklogAsync(later), b => b.Waiting == 0, TimeSpan.FromSeconds(30), "the backlog emptied");

        output.WriteLine($"SMTP down {Outage.TotalSeconds:0} s (back at {back.TotalSeconds:0.0} s): backlog {backlog.Waiting} e-mails ({backlog.Reason}), "
            + $"{backlogAtEnd.Waiting} at the end; statuses then: {string.Join(", ", waiting.GroupBy(w => $"{w.Status}/{w.Attempts} attempts").Select(g => $"{g.Key}: {g.Count()}"))}. "
            + $"All {Referrals} delivered {(delivered - back).TotalSeconds:0.0} s after it returned; e-mails {emails.Sum(e => Count(mails, e))} "
            + $"(missing {emails.Count(e => Count(mails, e) < 1)}, duplicated {emails.Count(e => Count(mails, e) > 1)}); backlog after: {after.Waiting}");
        Assert.All(waiting, w => Assert.Equal(("queued", 0), (w.Status, w.Attempts))); // waiting, no attempt used up, nothing given up
        Assert.True(backlogAtEnd.Waiting >= Referrals);
        Assert.All(emails, e => Assert.Equal(1, Count(mails, e)));
        Assert.All(sent, m => Assert.Equal(("sent", 1), (m.Status, m.Attempts)));
        Assert.True(delivered - back < TimeSpan.FromSeconds(30), $"the backlog took {(delivered - back).TotalSeconds:0} s to go after the server returned");
    }

    private static async Task<(int Waiting, string? Reason)> EmailBacklogAsync(HttpClient admin)
    {
        var backlog = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/messages/backlog");
        var email = backlog.GetProperty("channels").EnumerateArray().FirstOrDefault(c => c.GetProperty("channel").GetString() == "email");
        return email.ValueKind == JsonValueKind.Undefined ? (0, null) : (email.GetProperty("waiting").GetInt32(), email.GetProperty("reason").GetString());
    }

    private static async Task<(string Status, int Attempts)> AcceptanceOfAsync(HttpClient admin, string email)
    {
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/messages?recipient={Uri.EscapeDataString(email)}&type=ReferralAccepted");
        var message = Assert.Single(found.EnumerateArray());
        return (message.GetProperty("status").GetString()!, message.GetProperty("attempts").GetInt32());
    }

    private static int Count(IReadOnlyList<string> mails, string email) => mails.Count(m => m.Contains(email, StringComparison.Ordinal));
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests;

/// <summary>
/// Each service killed (SIGKILL) while it consumes a stream of events, then started again by the AppHost: every message
/// is processed once. First notification, clinical-notes and scheduling, while referrals are submitted and accepted
/// (each acceptance is an e-mail, a clinical-notes copy and a scheduling copy); then referral, while appointments made
/// for the coming hours are cancelled (each late cancellation is one visit record on the referral).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ConsumerKillTests(FaultSuite faults, ITestOutputHelper output)
{
    private const int Referrals = 160;
    private const int Cancelled = 48;
    private const int Concurrency = 12;
    private const string Accepted = "is accepted: book your first visit";

    [Fact]
    public async Task Every_message_is_processed_once_by_each_service_killed_in_the_middle_of_its_stream()
    {
        var suite = faults.Suite;
        using var admin = await faults.AdminAsync();
        using var office = await faults.OfficeAsync();
        var therapists = await faults.ClinicAsync(admin, 4);
        var run = Guid.NewGuid().ToString("N")[..8];
        var kills = new ConcurrentBag<string>();

        // 1. Acceptances, consumed by notification, clinical-notes and scheduling; each killed at its quarter.
        var done = 0;
        var killing = Task.Run(async () =>
        {
            foreach (var (service, at) in new[] { ("notification-api", 1), ("clinical-notes-api", 2), ("scheduling-api", 3) })
            {
                await Eventually.WaitAsync(() => Task.FromResult(Volatile.Read(ref done)), d => d >= at * Referrals / 4, TimeSpan.FromMinutes(3), $"{at}/4 of the load");
                kills.Add(await ServiceKill.KillAndAwaitRestartAsync(suite, service));
            }
        });
        var referrals = new ConcurrentBag<(Guid Id, string Email)>();
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(Enumerable.Range(0, Referrals).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var email = $"k{i}-{run}@patients.example";
                using var submitted = await FaultSuite.SubmitAsync(office, email, i, lastName: $"Kill{run}");
                Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
                var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                (await admin.PostAsync($"/api/referrals/{id}/accept", null)).EnsureSuccessStatusCode();
                referrals.Add((id, email));
                Interlocked.Increment(ref done);
            }
            finally
            {
                gate.Release();
            }
        }));
        await killing;

        // 2. Appointments in the coming hours, cancelled (late, so each counts on the referral); referral killed halfway.
        var appointments = new List<(Guid Referral, Guid Appointment)>();
        var soon = DateTimeOffset.UtcNow.AddHours(2);
        soon = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, 0, 0, TimeSpan.Zero);
        // Hours within the next day that end before the clinic's day does (it closes at 23:59).
        var hours = Enumerable.Range(0, 20).Select(h => soon.AddHours(h)).Where(h => h.Hour != 23).ToList();
        foreach (var (referral, k) in referrals.Take(Cancelled).Select((r, k) => (r.Id, k)))
        {
            var booked = await Eventually.WaitAsync(async () =>
            {
                using var response = await admin.PostAsJsonAsync("/api/scheduling/appointments", new
                {
                    referralId = referral, locationId = FaultSuite.Riverside, therapistId = therapists[k % therapists.Count],
                    appointmentType = "evaluation", startsAt = hours[k / therapists.Count],
                });
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }, r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromMinutes(2), $"booking for {referral}");
            appointments.Add((referral, JsonDocument.Parse(booked.Body).RootElement.GetProperty("id").GetGuid()));
        }
        for (var k = 0; k < appointments.Count; k++)
        {
            if (k == appointments.Count / 2)
            {
                kills.Add(await ServiceKill.KillAndAwaitRestartAsync(suite, "referral-api"));
            }
            (await admin.PostAsJsonAsync($"/api/scheduling/appointments/{appointments[k].Appointment}/cancel", new { reason = "fault test" }))
                .EnsureSuccessStatusCode();
        }

        // Every acceptance e-mail once; every copy converged; every late cancellation recorded once on its referral.
        var mails = await Eventually.WaitAsync(() => Task.FromResult(suite.Messages()),
            m => referrals.All(r => MailMessage.CountDistinct(m, r.Email, Accepted) >= 1), TimeSpan.FromMinutes(3), "every acceptance e-mail");
        await Task.Delay(TimeSpan.FromSeconds(5)); // a duplicate would have arrived by now
        mails = suite.Messages();
        var perPatient = referrals.Select(r => MailMessage.CountDistinct(mails, r.Email, Accepted)).ToList();
        foreach (var (id, _) in referrals)
        {
            await Converged(admin, $"/api/clinical-notes/referrals/{id}", "status", "accepted");
            await Converged(admin, $"/api/scheduling/referrals/{id}", "status", "accepted");
        }
        var records = new List<int>();
        foreach (var (referral, appointment) in appointments)
        {
            var history = await Eventually.WaitAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/referrals/{referral}"),
                r => Mentions(r, appointment) >= 1, TimeSpan.FromMinutes(2), $"the cancellation of {appointment} on {referral}");
            records.Add(Mentions(history, appointment));
        }

        output.WriteLine($"Killed and restarted: {string.Join("; ", kills)}. {referrals.Count} referrals accepted: acceptance e-mails "
            + $"{perPatient.Sum()} (missing {perPatient.Count(c => c < 1)}, duplicated {perPatient.Count(c => c > 1)}); clinical-notes and "
            + $"scheduling copies all accepted. {appointments.Count} late cancellations: visit records {records.Sum()} "
            + $"(missing {records.Count(c => c < 1)}, duplicated {records.Count(c => c > 1)})");
        Assert.Equal(4, kills.Count);
        Assert.Equal(Referrals, referrals.Count);
        Assert.All(perPatient, c => Assert.Equal(1, c));
        Assert.All(records, c => Assert.Equal(1, c));
    }

    private static async Task Converged(HttpClient admin, string path, string property, string value) =>
        await Eventually.WaitAsync(async () =>
        {
            using var response = await admin.GetAsync(path);
            return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString() : null;
        }, status => status == value, TimeSpan.FromMinutes(2), $"{path} {property} {value}");

    // The referral's history entries about one appointment's outcome ("visit-counted" or "visit-not-counted").
    private static int Mentions(JsonElement referral, Guid appointment) =>
        referral.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString()!.StartsWith("visit-", StringComparison.Ordinal)
            && h.GetProperty("detail").GetString()!.Contains(appointment.ToString(), StringComparison.OrdinalIgnoreCase));
}

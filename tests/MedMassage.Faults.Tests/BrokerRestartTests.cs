using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests;

/// <summary>
/// RabbitMQ restarted twice while referrals are submitted, accepted and booked through the gateway: every downstream
/// effect (each service's copy of the referral, the patient's e-mails in the mailbox, the delivery log) exists exactly
/// once; none missing, none twice. <c>FAULTS_REFERRALS</c> sets how many (400 in CI; 2,000 for the full run).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class BrokerRestartTests(FaultSuite faults, ITestOutputHelper output)
{
    private static readonly int Referrals = int.TryParse(Environment.GetEnvironmentVariable("FAULTS_REFERRALS"), out var n) ? n : 400;
    private const int Therapists = 4;
    private const int Concurrency = 16;

    [Fact]
    public async Task Every_effect_of_the_referrals_exists_exactly_once_across_two_broker_restarts()
    {
        var suite = faults.Suite;
        using var admin = await faults.AdminAsync();
        using var office = await faults.OfficeAsync();
        var therapists = await faults.ClinicAsync(admin, Therapists);
        var broker = await faults.ServerAsync("eventbus");
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();

        var done = 0;
        var outages = new List<(TimeSpan Down, TimeSpan Up)>();
        var restarts = Task.Run(async () =>
        {
            foreach (var at in new[] { Referrals / 3, 2 * Referrals / 3 })
            {
                while (Volatile.Read(ref done) < at)
                {
                    await Task.Delay(100);
                }
                var down = clock.Elapsed;
                await broker.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(5));
                await broker.StartAsync(CancellationToken.None);
                outages.Add((down, clock.Elapsed));
            }
        });

        var booked = new System.Collections.Concurrent.ConcurrentBag<(Guid Referral, Guid Appointment, string Email)>();
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(Enumerable.Range(0, Referrals).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var email = $"p{i}-{run}@patients.example";
                var referral = await SubmitAsync(office, email, i);
                (await admin.PostAsync($"/api/referrals/{referral}/accept", null)).EnsureSuccessStatusCode();
                // Scheduling books only once it has heard of the acceptance, which waits for the broker.
                var slot = DateTimeOffset.UtcNow.Date.AddDays(2 + i / (Therapists * 20)).AddHours(2 + i % 20);
                var appointment = await Eventually.WaitAsync(() => admin.PostAsJsonAsync("/api/scheduling/appointments", new
                {
                    referralId = referral, locationId = FaultSuite.Riverside, therapistId = therapists[i / 20 % Therapists],
                    appointmentType = "evaluation", startsAt = new DateTimeOffset(slot, TimeSpan.Zero),
                }), r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromMinutes(3), $"booking {i}");
                booked.Add((referral, (await appointment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), email));
                Interlocked.Increment(ref done);
            }
            finally
            {
                gate.Release();
            }
        }));
        await restarts;
        var loaded = clock.Elapsed;

        // Every patient gets the acceptance and the confirmation, once each, and the delivery log says the same.
        var mails = await Eventually.WaitAsync(() => Task.FromResult(suite.Mailbox()),
            m => booked.All(b => Count(m, b.Email) >= 2), TimeSpan.FromMinutes(5), "every patient's two e-mails");
        await Task.Delay(TimeSpan.FromSeconds(5)); // a duplicate would have arrived by now
        mails = suite.Mailbox();
        var drained = clock.Elapsed;
        var perPatient = booked.Select(b => Count(mails, b.Email)).ToList();
        var confirmations = 0;
        foreach (var (referral, appointment, _) in booked.Take(50))
        {
            var log = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/messages?appointmentId={appointment}&type=AppointmentConfirmed");
            confirmations += log.GetArrayLength() == 1 ? 1 : 0;
            // The clinical-notes copy converges too (eventually: it is a copy).
            await Eventually.WaitAsync(async () =>
            {
                using var response = await admin.GetAsync($"/api/clinical-notes/referrals/{referral}");
                return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
            }, status => status == "accepted", TimeSpan.FromMinutes(2), $"clinical-notes copy of {referral}");
        }

        output.WriteLine($"{Referrals} referrals submitted, accepted and booked in {loaded.TotalSeconds:0} s across {outages.Count} broker restarts "
            + $"({string.Join(", ", outages.Select(o => $"down at {o.Down.TotalSeconds:0} s, back at {o.Up.TotalSeconds:0} s"))}); "
            + $"all e-mails in {drained.TotalSeconds:0} s. E-mails: {perPatient.Sum()} for {booked.Count} patients "
            + $"(missing: {perPatient.Count(c => c < 2)}, duplicated: {perPatient.Count(c => c > 2)}); delivery log: {confirmations} of 50 sampled appointments with exactly one confirmation");
        Assert.Equal(2, outages.Count);
        Assert.Equal(Referrals, booked.Count);
        Assert.All(perPatient, c => Assert.Equal(2, c));
        Assert.Equal(50, confirmations);
    }

    private static int Count(IReadOnlyList<string> mails, string email) => mails.Count(m => m.Contains(email, StringComparison.Ordinal));

    private static async Task<Guid> SubmitAsync(HttpClient office, string email, int i)
    {
        using var response = await FaultSuite.SubmitAsync(office, email, i);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}

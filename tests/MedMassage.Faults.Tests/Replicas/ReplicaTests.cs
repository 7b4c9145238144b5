using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests.Replicas;

/// <summary>
/// Two replicas of every service under a mixed load through the gateway; halfway, the second replica of each is killed
/// (SIGKILL) and the AppHost starts it again. Nothing may be lost or done twice: e-mails in the mailbox and in the
/// delivery log, the copies other services keep, the bookings and the notes; and no request may fail beyond those that
/// were in flight on a killed replica.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests(ReplicaSuite replicas, ITestOutputHelper output)
{
    private const int Concurrency = 8;
    private const string Accepted = "is accepted: book your first visit";
    private const string Confirmed = "is confirmed";
    private static readonly int Referrals = int.TryParse(Environment.GetEnvironmentVariable("REPLICA_REFERRALS"), CultureInfo.InvariantCulture, out var n) ? n : 120;

    [Fact]
    public async Task Killing_one_replica_of_each_service_loses_nothing_and_does_nothing_twice()
    {
        var suite = replicas.Suite;
        using var admin = await replicas.AdminAsync();
        using var office = await replicas.OfficeAsync();
        var therapists = await FaultSuite.SetUpClinicAsync(admin, 6);
        var run = Guid.NewGuid().ToString("N")[..8];
        var load = new MixedLoad(office, admin, admin, therapists, run, output.WriteLine);

        // The load, eight at a time; the kill when a quarter of it is done. It runs on while the killed replicas are away
        // and, however long their restart takes, for some more referrals after they are all back.
        var done = 0;
        var next = -1;
        var last = Referrals;
        var killedAt = DateTimeOffset.MaxValue;
        var backAt = DateTimeOffset.MaxValue;
        var restarts = new List<string>();
        var killing = Task.Run(async () =>
        {
            await Eventually.WaitAsync(() => Task.FromResult(Volatile.Read(ref done)), d => d >= Referrals / 4, TimeSpan.FromMinutes(5), "a quarter of the load");
            killedAt = DateTimeOffset.UtcNow;
            var pids = await Task.WhenAll(ReplicaSuite.SecondReplicas.Select(r => ServiceKill.KillAsync(suite, r)));
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(ReplicaSuite.SecondReplicas.Zip(pids).Select(async k =>
            {
                await ServiceKill.AwaitRestartAsync(suite, k.First, k.Second);
                lock (restarts) { restarts.Add($"{k.First} {clock.Elapsed.TotalSeconds:0.0} s"); }
            }));
            backAt = DateTimeOffset.UtcNow;
            Volatile.Write(ref last, Math.Max(Referrals, Volatile.Read(ref next) + 4 * Concurrency));
        });
        var loadClock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < Volatile.Read(ref last) || !killing.IsCompleted; i = Interlocked.Increment(ref next))
            {
                await load.RunAsync(i);
                Interlocked.Increment(ref done);
            }
        }));
        var loadTime = loadClock.Elapsed;
        await killing;
        var journeys = load.Journeys.OrderBy(j => j.Index).ToList();
        Assert.Equal(Volatile.Read(ref done), journeys.Count);
        Assert.True(journeys.Count(j => j.AcceptedAt > backAt) >= 2 * Concurrency, "The load went on after the killed replicas were back.");

        // E-mails: each patient's acceptance and confirmation once (by Message-ID), each in the delivery log once, sent.
        var mails = await Eventually.WaitAsync(() => Task.FromResult(suite.Messages()),
            m => journeys.All(j => MailMessage.CountDistinct(m, j.Email, Accepted) >= 1 && MailMessage.CountDistinct(m, j.Email, Confirmed) >= 1), TimeSpan.FromMinutes(3), "every e-mail");
        await Task.Delay(TimeSpan.FromSeconds(5)); // a duplicate would have arrived by now
        mails = suite.Messages();
        var acceptances = journeys.Select(j => MailMessage.CountDistinct(mails, j.Email, Accepted)).ToList();
        var confirmations = journeys.Select(j => MailMessage.CountDistinct(mails, j.Email, Confirmed)).ToList();
        foreach (var journey in journeys)
        {
            var log = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/messages?recipient={Uri.EscapeDataString(journey.Email)}");
            var types = log.EnumerateArray().Where(m => m.GetProperty("status").GetString() == "sent").Select(m => m.GetProperty("type").GetString()).ToList();
            Assert.Equal(1, types.Count(t => t == "referral-accepted"));
            Assert.Equal(1, types.Count(t => t == "appointment-confirmed"));
        }

        // The copies agree with their owner; every referral has one appointment, no slot two; each evaluation once.
        foreach (var journey in journeys)
        {
            var owner = await load.StatusAsync($"/api/referrals/{journey.Referral}");
            Assert.Equal("accepted", owner);
            await Eventually.WaitAsync(() => load.StatusAsync($"/api/scheduling/referrals/{journey.Referral}"), s => s == owner, TimeSpan.FromMinutes(1), "scheduling's copy");
            await Eventually.WaitAsync(() => load.StatusAsync($"/api/clinical-notes/referrals/{journey.Referral}"), s => s == owner, TimeSpan.FromMinutes(1), "clinical-notes' copy");
            Assert.Equal(journey.Evaluated ? 1 : 0, await load.EvaluationsAsync(journey.Referral));
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var calendar = (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?locationId={FaultSuite.Riverside}&from={today:yyyy-MM-dd}&to={today.AddDays(4):yyyy-MM-dd}"))
            .EnumerateArray().Where(a => a.GetProperty("status").GetString() == "booked").ToList();
        var ours = journeys.Select(j => j.Referral).ToHashSet();
        var booked = calendar.Where(a => ours.Contains(a.GetProperty("referralId").GetGuid())).ToList();
        Assert.Equal(journeys.Count, booked.Count);
        Assert.Equal(journeys.Count, booked.Select(a => a.GetProperty("referralId").GetGuid()).Distinct().Count());
        Assert.All(calendar.GroupBy(a => (a.GetProperty("therapistId").GetGuid(), a.GetProperty("startsAt").GetDateTimeOffset())), slot => Assert.Single(slot));

        // Failures: only requests in flight on a killed replica, at most one per client, all in the moments after the kill.
        var failures = load.Calls.Failures;
        var beforeKill = journeys.Where(j => j.AcceptedAt < killedAt).Select(j => Delay(mails, j)).Order().ToList();
        var afterKill = journeys.Where(j => j.AcceptedAt >= killedAt).Select(j => Delay(mails, j)).Order().ToList();
        output.WriteLine($"{journeys.Count} referrals ({journeys.Count(j => j.AcceptedAt > backAt)} after the replicas were back), {load.Calls.Count} requests in {loadTime.TotalSeconds:0} s ({Concurrency} at a time), {load.SlotsLost} slots lost to the pair's other referral. "
            + $"Killed at {killedAt:HH:mm:ss.f}: {string.Join(", ", ReplicaSuite.SecondReplicas)}; back and healthy: {string.Join("; ", restarts)}. "
            + $"Failed requests: {failures.Count}{string.Concat(failures.Select(f => $"\n  +{(f.At - killedAt).TotalSeconds:0.00} s {f.What}: {f.Outcome[..Math.Min(120, f.Outcome.Length)]}"))}\n"
            + $"Acceptance e-mail after the acceptance: before the kill p50 {Percentile(beforeKill, 0.5):0.0} s, max {beforeKill.LastOrDefault():0.0} s; "
            + $"after it p50 {Percentile(afterKill, 0.5):0.0} s, max {afterKill.LastOrDefault():0.0} s. "
            + $"E-mails: acceptances {acceptances.Sum()} (missing {acceptances.Count(c => c < 1)}, twice {acceptances.Count(c => c > 1)}), "
            + $"confirmations {confirmations.Sum()} (missing {confirmations.Count(c => c < 1)}, twice {confirmations.Count(c => c > 1)}); "
            + $"evaluations {journeys.Count(j => j.Evaluated)}; {booked.Count} appointments, one per slot.");
        Assert.All(acceptances, c => Assert.Equal(1, c));
        Assert.All(confirmations, c => Assert.Equal(1, c));
        Assert.True(failures.Count <= Concurrency, $"{failures.Count} failed requests; at most {Concurrency} can have been in flight at the kill.");
        Assert.All(failures, f => Assert.InRange((f.At - killedAt).TotalSeconds, -1, 10));
    }

    private static double Delay(IReadOnlyList<MailMessage> mails, MixedLoad.Journey journey) =>
        (mails.Where(m => m.Is(journey.Email, Accepted)).Min(m => m.ReceivedAt) - journey.AcceptedAt.UtcDateTime).TotalSeconds;

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}

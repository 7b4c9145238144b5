using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MedMassage.Hosting;
using MedMassage.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests;

/// <summary>
/// PostgreSQL restarted (a fast shutdown: transactions in flight are rolled back, sessions cut) while an office system
/// submits referrals and the clinic accepts them through the gateway. Requests in flight fail cleanly (503 with
/// Retry-After, never a 500), the services recover by themselves, exactly the referrals answered 201 exist, and every
/// accepted one reaches its patient's mailbox once (the outbox drained).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DatabaseRestartTests(FaultSuite faults, ITestOutputHelper output)
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private const int Concurrency = 8;

    [Fact]
    public async Task Requests_during_a_database_restart_answer_503_and_what_was_created_is_whole_afterwards()
    {
        var suite = faults.Suite;
        using var admin = await faults.AdminAsync();
        using var office = await faults.OfficeAsync();
        await faults.ClinicAsync(admin, 4);
        var run = Guid.NewGuid().ToString("N")[..8];
        var answers = new ConcurrentBag<(TimeSpan At, string Call, int Status, bool RetryAfter)>();
        var accepted = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var (down, up) = (TimeSpan.Zero, TimeSpan.Zero);

        var restart = Task.Run(async () =>
        {
            await Task.Delay(Load / 4);
            down = clock.Elapsed;
            await RestartPostgresAsync(suite);
            up = clock.Elapsed;
        });
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < Load)
            {
                var i = Interlocked.Increment(ref next);
                var email = $"pg{i}-{run}@patients.example";
                using var submitted = await FaultSuite.SubmitAsync(office, email, i, lastName: $"Pg{run}");
                answers.Add(Answer(clock, "submit", submitted));
                if (submitted.StatusCode != HttpStatusCode.Created)
                {
                    await Task.Delay(200);
                    continue;
                }
                var id = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
                // The referral exists: accepting it is retried until the database is back.
                await Eventually.WaitAsync(async () =>
                {
                    using var response = await admin.PostAsync($"/api/referrals/{id}/accept", null);
                    answers.Add(Answer(clock, "accept", response));
                    return response.StatusCode;
                }, status => status == HttpStatusCode.OK, TimeSpan.FromMinutes(2), $"accepting {id}");
                accepted.Add(email);
            }
        })));
        await restart;
        // A service nobody called during the outage (identity: tokens were issued before it) meets a dead pooled
        // connection once at most: that request answers 503, clears the pool, and the next ones open fresh connections.
        var authorize = new List<int>();
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = suite.GatewayUrl })
        {
            var redirect = Uri.EscapeDataString(new Uri(suite.GatewayUrl, "/staff/signin-oidc").ToString());
            for (var k = 0; k < 5; k++)
            {
                using var response = await browser.GetAsync($"/connect/authorize?client_id=staff-web&response_type=code&redirect_uri={redirect}"
                    + $"&scope=openid&state=s&code_challenge={new string('c', 43)}&code_challenge_method=S256");
                authorize.Add((int)response.StatusCode);
            }
        }
        var mails = await Eventually.WaitAsync(() => Task.FromResult(suite.Mailbox()),
            m => accepted.All(e => Count(m, e) >= 1), TimeSpan.FromMinutes(3), "every accepted patient's e-mail");
        await Task.Delay(TimeSpan.FromSeconds(5)); // a duplicate would have arrived by now
        mails = suite.Mailbox();
        var perPatient = accepted.Select(e => Count(mails, e)).ToList();
        var created = answers.Count(a => a.Call == "submit" && a.Status == 201);
        var stored = await StoredReferralsAsync(suite, run);
        var unavailable = answers.Where(a => a.Status == 503).ToList();
        var firstAfter = answers.Where(a => a.At > up && a.Call == "submit" && a.Status == 201).Select(a => a.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();

        output.WriteLine($"{answers.Count} answers in {Load.TotalSeconds:0} s at {Concurrency} callers; PostgreSQL down at {down.TotalSeconds:0.0} s, "
            + $"healthy again at {up.TotalSeconds:0.0} s; first referral stored after it at {firstAfter.TotalSeconds:0.0} s. "
            + $"By status: {string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}. "
            + $"Referrals answered 201: {created}, stored: {stored}; accepted {accepted.Count}, e-mails {perPatient.Sum()} "
            + $"(missing: {perPatient.Count(c => c < 1)}, duplicated: {perPatient.Count(c => c > 1)}); identity's first answers after it: {string.Join(", ", authorize)}");
        Assert.All(answers, a => Assert.True(a.Status is 200 or 201 or 503, $"{a.Call} answered {a.Status} at {a.At.TotalSeconds:0.0} s"));
        Assert.NotEmpty(unavailable); // the outage was felt, or this test proved nothing
        Assert.All(unavailable, a => Assert.True(a.RetryAfter, $"a 503 to {a.Call} without Retry-After"));
        Assert.True(firstAfter < up + TimeSpan.FromSeconds(30), "the services did not recover within 30 s of the database");
        Assert.True(authorize.Count(a => a == 503) <= 1 && authorize[^1] == 302, $"identity after the restart: {string.Join(", ", authorize)}");
        Assert.Equal(created, stored);
        Assert.All(perPatient, c => Assert.Equal(1, c));
    }

    /// <summary>A fast shutdown by signal, as an operator's restart does, then the dashboard's Start.</summary>
    private static async Task RestartPostgresAsync(RunningSuite suite)
    {
        var pid = suite.ProcessIdOf("postgres") ?? throw new InvalidOperationException("postgres has no process.");
        var port = new NpgsqlConnectionStringBuilder(await suite.ConnectionStringAsync("postgres")).Port;
        using (var signal = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }
        await Eventually.WaitAsync(() => FreePort.IsAcceptingAsync(port, CancellationToken.None), accepting => !accepting,
            TimeSpan.FromSeconds(30), "PostgreSQL to stop listening");
        await Task.Delay(Outage);
        var started = await suite.App.ResourceCommands.ExecuteCommandAsync("postgres", "start");
        Assert.True(started.Success, started.Message);
        await suite.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres");
    }

    private static async Task<long> StoredReferralsAsync(RunningSuite suite, string run)
    {
        var admin = new NpgsqlConnectionStringBuilder(await suite.ConnectionStringAsync("postgres")) { Database = "referraldb" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM referrals WHERE patient::text LIKE @run", connection);
        count.Parameters.AddWithValue("run", $"%-{run}@patients.example%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static (TimeSpan, string, int, bool) Answer(Stopwatch clock, string call, HttpResponseMessage response) =>
        (clock.Elapsed, call, (int)response.StatusCode, response.Headers.RetryAfter is not null);

    private static int Count(IReadOnlyList<string> mails, string email) => mails.Count(m => m.Contains(email, StringComparison.Ordinal));
}

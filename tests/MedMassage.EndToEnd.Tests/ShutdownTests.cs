using System.Net;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The AppHost as its own process, as <c>scripts/run.sh</c> runs it, because these tests stop it.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_crashed_service_is_started_again_and_Ctrl_C_then_leaves_no_process_behind()
    {
        await using var appHost = await AppHostProcess.StartAsync(TimeSpan.FromMinutes(5));
        using var gateway = new HttpClient { BaseAddress = appHost.GatewayUrl, Timeout = TimeSpan.FromSeconds(5) };

        // Kill one service outright: the AppHost reports the crash, starts it again, and the suite is healthy again.
        var referral = ReferralService(appHost);
        Process(referral).Kill();
        await Eventually.WaitAsync(() => Task.FromResult(appHost.Output), o => o.Contains("referral-api exited with code", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the crash reported");
        // /health answers from a report up to two seconds old, so the new process is waited for first.
        await Eventually.WaitAsync(() => Task.FromResult(appHost.AllProcesses().Where(p => ProcessTree.CommandLine(p).EndsWith("/MedMassage.Referral.Api", StringComparison.Ordinal)).ToList()),
            processes => processes.Count == 1 && processes[0] != referral, TimeSpan.FromMinutes(2), "a new referral service");
        await Eventually.WaitAsync<HttpStatusCode>(async () => { try { return (await gateway.GetAsync("/health")).StatusCode; } catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return 0; } },
            s => s == HttpStatusCode.OK, TimeSpan.FromMinutes(2), "healthy again");
        Assert.NotEqual(referral, ReferralService(appHost));

        var everything = appHost.AllProcesses(); // DCP, the dashboard, beam and epmd, postgres and its backends, the services
        Assert.True(everything.Count >= 12, $"Found only: {string.Join(", ", everything.Select(ProcessTree.Describe))}");

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var exitCode = await appHost.InterruptAsync(TimeSpan.FromSeconds(90)); // ~15 s on an idle machine; generous for a loaded one
        await Eventually.WaitAsync(() => Task.FromResult(everything.Where(ProcessTree.IsAlive).ToList()), alive => alive.Count == 0,
            TimeSpan.FromSeconds(30), "every process of the run gone");

        Assert.Equal(0, exitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"stopping took {stopwatch.Elapsed}");
    }

    private static int ReferralService(AppHostProcess appHost) =>
        appHost.AllProcesses().Single(p => ProcessTree.CommandLine(p).EndsWith("/MedMassage.Referral.Api", StringComparison.Ordinal));

    private static System.Diagnostics.Process Process(int pid) => System.Diagnostics.Process.GetProcessById(pid);
}

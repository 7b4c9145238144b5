using System.Diagnostics;
using System.Net;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>Runs its own suite, because it stops it.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_crashed_service_is_restarted_and_Ctrl_C_then_leaves_no_process_behind()
    {
        await using var appHost = await AppHostProcess.StartAsync(TimeSpan.FromSeconds(300));
        using var gateway = new HttpClient { BaseAddress = appHost.GatewayUrl };
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/health")).StatusCode);

        // Kill one service outright: the AppHost reports the exit, restarts it, and the suite is healthy again.
        var referral = ServicePid(appHost, "referral-api");
        Process.GetProcessById(referral).Kill();
        await Eventually.WaitAsync(() => Task.FromResult(appHost.Output), o => o.Contains("referral-api         Exited", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "exit reported");
        await Eventually.WaitAsync(() => gateway.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(120), "healthy again");
        Assert.NotEqual(referral, Descendants(appHost.ProcessId).Single(p => CommandLine(p).Contains("Referral.Api.dll", StringComparison.Ordinal)));

        var pids = appHost.ResourcePids;
        var descendants = Descendants(appHost.ProcessId).ToHashSet(); // every process it started: beam, epmd, postgres backends, services

        var exitCode = await appHost.InterruptAsync(TimeSpan.FromSeconds(90)); // ~5 s on an idle machine; generous for a loaded one

        Assert.Equal(0, exitCode);
        var survivors = pids.Concat(descendants).Where(IsAlive).ToList();
        Assert.True(survivors.Count == 0, $"Still running: {string.Join(", ", survivors.Select(Describe))}");
    }

    private static int ServicePid(AppHostProcess appHost, string name) =>
        int.Parse(appHost.Output.Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);

    private static string CommandLine(int pid) =>
        File.Exists($"/proc/{pid}/cmdline") ? File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ') : "";

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0)
            .Where(p => p > 0 && ParentOf(p) == pid)
            .ToList();
        return children.Concat(children.SelectMany(Descendants));
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static string Describe(int pid) =>
        File.Exists($"/proc/{pid}/cmdline") ? $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}" : pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

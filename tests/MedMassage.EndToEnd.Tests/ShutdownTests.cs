using System.Net;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>Runs its own suite, because it stops it.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Ctrl_C_stops_every_server_and_service_and_leaves_no_process_behind()
    {
        await using var appHost = await AppHostProcess.StartAsync(TimeSpan.FromSeconds(300));
        using var gateway = new HttpClient { BaseAddress = appHost.GatewayUrl };
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/health")).StatusCode);
        var pids = appHost.ResourcePids;
        var descendants = Descendants(appHost.ProcessId).ToHashSet(); // every process it started: beam, epmd, postgres backends, services

        var exitCode = await appHost.InterruptAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        var survivors = pids.Concat(descendants).Where(IsAlive).ToList();
        Assert.True(survivors.Count == 0, $"Still running: {string.Join(", ", survivors.Select(Describe))}");
    }

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

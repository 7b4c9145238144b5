namespace MedMassage.Testing;

/// <summary>
/// The processes of an AppHost run as /proc shows them: each resource's process, what the AppHost injected into a
/// service (its environment), and the orchestration around them (DCP, its per-resource monitors, the dashboard,
/// the <c>dotnet run</c> host of each project). For benchmarks that watch the suite as scripts/run.sh starts it.
/// </summary>
public sealed class SuiteProcesses(AppHostProcess appHost)
{
    private static readonly (string Resource, Func<string, bool> Matches)[] Roots =
    [
        ("identity-api", c => c.EndsWith("/MedMassage.Identity.Api", StringComparison.Ordinal)),
        ("referral-api", c => c.EndsWith("/MedMassage.Referral.Api", StringComparison.Ordinal)),
        ("scheduling-api", c => c.EndsWith("/MedMassage.Scheduling.Api", StringComparison.Ordinal)),
        ("clinical-notes-api", c => c.EndsWith("/MedMassage.ClinicalNotes.Api", StringComparison.Ordinal)),
        ("notification-api", c => c.EndsWith("/MedMassage.Notification.Api", StringComparison.Ordinal)),
        ("gateway", c => c.EndsWith("/MedMassage.Gateway", StringComparison.Ordinal)),
        ("postgres", c => c.Contains("/bin/postgres -D", StringComparison.Ordinal)),
        ("redis", c => c.StartsWith("/usr/bin/redis-server", StringComparison.Ordinal)),
        ("eventbus", c => c.Contains("/rabbitmq-server", StringComparison.Ordinal) && !c.Contains("setpriv", StringComparison.Ordinal)),
        ("eventbus-epmd", c => c.Contains("epmd -port", StringComparison.Ordinal)),
        ("smtp", c => c.Contains("-m aiosmtpd", StringComparison.Ordinal)),
    ];

    /// <summary>Each resource's own process (PostgreSQL's postmaster, RabbitMQ's start script above the broker).</summary>
    public IReadOnlyDictionary<string, int> Resources()
    {
        var processes = appHost.AllProcesses().Select(p => (Pid: p, Command: ProcessTree.CommandLine(p))).ToList();
        var found = new Dictionary<string, int>();
        foreach (var (resource, matches) in Roots)
        {
            // The first match from the top: a server's own children (backends, beam) carry similar command lines.
            // A service run as replicas has one process per replica: numbered "{name}-2" … like the AppHost's replicas.
            var matched = processes.Where(p => matches(p.Command)).Select(p => p.Pid).Order().ToList();
            foreach (var (pid, index) in matched.Take(resource.EndsWith("-api", StringComparison.Ordinal) ? int.MaxValue : 1).Select((p, i) => (p, i)))
            {
                found[index == 0 ? resource : $"{resource}-{index + 1}"] = pid;
            }
        }
        return found;
    }

    /// <summary>The processes that orchestrate rather than serve, by kind; each counted on its own, not with its children.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Orchestration()
    {
        var all = appHost.AllProcesses().Select(p => (Pid: p, Command: ProcessTree.CommandLine(p))).ToList();
        IReadOnlyList<int> Where(Func<string, bool> matches) => [.. all.Where(p => matches(p.Command)).Select(p => p.Pid)];
        return new Dictionary<string, IReadOnlyList<int>>
        {
            ["apphost"] = [appHost.ProcessId],
            ["dcp"] = Where(c => c.Contains("/dcp ", StringComparison.Ordinal) && !c.Contains("monitor-process", StringComparison.Ordinal)),
            ["dcp monitors"] = Where(c => c.Contains("dcp monitor-process", StringComparison.Ordinal)),
            ["dashboard"] = Where(c => c.Contains("Aspire.Dashboard", StringComparison.Ordinal)),
            ["dotnet run hosts"] = Where(c => c.StartsWith("dotnet run ", StringComparison.Ordinal)),
        };
    }

    /// <summary>A process's environment: for a service, exactly what the AppHost injected (connection strings, addresses).</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2)).Where(v => v.Length == 2)
            .GroupBy(v => v[0]).ToDictionary(g => g.Key, g => g.Last()[1]);

    /// <summary>Where DCP keeps each resource's console output for the run (<c>&lt;id&gt;_out</c>, <c>&lt;id&gt;_err</c>).</summary>
    public string? ConsoleLogDirectory() =>
        appHost.Orchestrator.Select(ProcessTree.CommandLine)
            .Select(c => c.Split(' ').SkipWhile(a => a != "--kubeconfig").Skip(1).FirstOrDefault())
            .Where(k => k is not null).Select(Path.GetDirectoryName).FirstOrDefault();
}

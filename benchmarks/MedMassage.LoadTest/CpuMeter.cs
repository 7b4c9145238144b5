using System.Globalization;

namespace MedMassage.LoadTest;

/// <summary>
/// Where the processor time goes: CPU time of each suite resource (with its child processes, e.g. PostgreSQL's
/// backends), of this load generator, and of the whole machine, read from /proc between two snapshots.
/// The orchestration (the AppHost, DCP and its monitors, the dashboard, the <c>dotnet run</c> hosts) is counted
/// process by process, without the resources below it.
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int> resourceRoots, IReadOnlyDictionary<string, IReadOnlyList<int>> orchestration)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuSnapshot Take()
    {
        var processes = ReadProcesses();
        var children = processes.Values.ToLookup(p => p.ParentId);
        double Tree(int root)
        {
            var total = 0d;
            var pending = new Stack<int>([root]);
            while (pending.TryPop(out var pid))
            {
                total += processes.TryGetValue(pid, out var p) ? p.Ticks + p.ReapedChildTicks : 0;
                foreach (var child in children[pid])
                {
                    pending.Push(child.Id);
                }
            }
            return total;
        }
        double Own(int pid) => processes.TryGetValue(pid, out var p) ? p.Ticks : 0;

        var byResource = resourceRoots.ToDictionary(r => r.Key, r => Tree(r.Value));
        foreach (var (kind, pids) in orchestration)
        {
            byResource[$"orchestration: {kind}"] = pids.Sum(Own);
        }
        byResource["load generator"] = Own(Environment.ProcessId);
        var (busy, all) = MachineTicks();
        return new CpuSnapshot(DateTime.UtcNow, byResource, busy, all);
    }

    public static CpuUsage Between(CpuSnapshot first, CpuSnapshot second)
    {
        var seconds = (second.At - first.At).TotalSeconds;
        double Cores(double ticks) => ticks / TicksPerSecond / seconds;
        var perResource = second.Ticks.ToDictionary(r => r.Key, r => Cores(r.Value - first.Ticks.GetValueOrDefault(r.Key)));
        var machineShare = (second.MachineBusy - first.MachineBusy) / Math.Max(1, second.MachineAll - first.MachineAll);
        return new CpuUsage(perResource, machineShare * Environment.ProcessorCount);
    }

    /// <summary>Suite and load generator together, in cores; used to wait until the suite is idle.</summary>
    public static double SuiteCores(CpuUsage usage) => usage.PerResource.Where(r => r.Key != "load generator").Sum(r => r.Value);

    private static Dictionary<int, ProcessTicks> ReadProcesses()
    {
        var result = new Dictionary<int, ProcessTicks>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // After the command name (in parentheses, may hold spaces): state, ppid, ..., utime, stime, cutime, cstime
                // (12th to 15th). A tree counts its ended children through their parent's cutime/cstime, so PostgreSQL
                // backends that close during a run still count.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                double Field(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
                result[pid] = new ProcessTicks(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), Field(11) + Field(12), Field(13) + Field(14));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }
        return result;
    }

    private static (double Busy, double All) MachineTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var all = values.Take(8).Sum();
        return (all - values[3] - values[4], all);
    }

    private sealed record ProcessTicks(int Id, int ParentId, double Ticks, double ReapedChildTicks);
}

public sealed record CpuSnapshot(DateTime At, IReadOnlyDictionary<string, double> Ticks, double MachineBusy, double MachineAll);

/// <summary>Cores used on average between two snapshots (1.0 = one core fully busy).</summary>
public sealed record CpuUsage(IReadOnlyDictionary<string, double> PerResource, double MachineCores)
{
    public double Measured => PerResource.Values.Sum();

    /// <summary>Everything else on the machine: other people's builds and tests.</summary>
    public double Other => Math.Max(0, MachineCores - Measured);
}

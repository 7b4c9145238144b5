using System.Globalization;

namespace MedMassage.LoadTest;

/// <summary>
/// Processor time the suite's .NET processes spend recompiling hot code at a higher tier, read from /proc per
/// thread (the runtime names that thread ".NET Tiered Com…"). A freshly started suite keeps doing this for
/// minutes, even idle (timers, health checks and pollers reach the promotion thresholds one by one), in bursts of
/// a few hundred milliseconds that land on the two cores the measured requests need.
/// </summary>
public sealed class BackgroundCompilation(IEnumerable<int> processIds)
{
    private const string ThreadName = ".NET Tiered Com";
    private readonly int[] _processIds = [.. processIds];
    private Dictionary<(int Process, int Thread), long> _last = [];

    /// <summary>Ticks (1/100 s) spent compiling since the last call; a thread that started since counts in full.</summary>
    public long TicksSinceLastCall()
    {
        var current = new Dictionary<(int, int), long>();
        foreach (var pid in _processIds)
        {
            string[] threads;
            try
            {
                threads = Directory.GetDirectories($"/proc/{pid}/task");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var dir in threads)
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                    if (!name.StartsWith(ThreadName, StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    current[(pid, int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture))] =
                        long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The thread ended while we looked.
                }
            }
        }
        var spent = current.Sum(t => t.Value - _last.GetValueOrDefault(t.Key));
        _last = current;
        return spent;
    }
}

namespace MedMassage.LoadTest;

/// <summary>
/// Waits until the suite has finished the work a phase left behind (outbox publishing, consumers, e-mails), so
/// the next measurement starts from an idle suite; how long that took is worth knowing too.
/// </summary>
public static class Quiet
{
    public static async Task<TimeSpan> WaitAsync(CpuMeter cpu, double idleCores = 0.3, int maxSeconds = 600)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var previous = cpu.Take();
        while (clock.Elapsed < TimeSpan.FromSeconds(maxSeconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var current = cpu.Take();
            var busy = CpuMeter.SuiteCores(CpuMeter.Between(previous, current));
            previous = current;
            if (busy < idleCores)
            {
                Console.WriteLine($"  suite idle ({busy:0.00} cores) after {clock.Elapsed.TotalSeconds:0} s");
                return clock.Elapsed;
            }
        }
        Console.WriteLine($"  suite still busy after {maxSeconds} s; measuring anyway");
        return clock.Elapsed;
    }
}

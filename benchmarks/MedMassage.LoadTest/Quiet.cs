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

    /// <summary>
    /// Waits until the suite is idle and no service has compiled anything in the background for
    /// <paramref name="quietSeconds"/>: the steady state a long-running suite is in, which a latency tail should
    /// be measured against.
    /// </summary>
    public static async Task SettledAsync(CpuMeter cpu, BackgroundCompilation compilation, int quietSeconds = 15, int maxSeconds = 300)
    {
        await WaitAsync(cpu);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var quietSince = clock.Elapsed;
        var compiled = 0L;
        compilation.TicksSinceLastCall();
        while (clock.Elapsed - quietSince < TimeSpan.FromSeconds(quietSeconds))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(maxSeconds))
            {
                Console.WriteLine($"  services still compiling after {maxSeconds} s; measuring anyway");
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            var ticks = compilation.TicksSinceLastCall();
            if (ticks > 0)
            {
                compiled += ticks;
                quietSince = clock.Elapsed;
            }
        }
        Console.WriteLine($"  no background compilation for {quietSeconds} s after {clock.Elapsed.TotalSeconds:0} s ({compiled / 100.0:0.00} s of it meanwhile)");
    }
}

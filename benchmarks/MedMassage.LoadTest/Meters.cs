namespace MedMassage.LoadTest;

/// <summary>Runs a measurement and attaches where its processor time went and which databases it kept busy.</summary>
public sealed class Meters(CpuMeter cpu, PostgresActivity postgres)
{
    public CpuMeter Cpu => cpu;

    public async Task<RunResult> MeasureAsync(Func<Task<RunResult>> run)
    {
        var (cpuBefore, dbBefore) = (cpu.Take(), await postgres.TakeAsync());
        var result = await run();
        var usage = CpuMeter.Between(cpuBefore, cpu.Take());
        await Task.Delay(1500); // backends report their statistics about once a second
        return result with { Cpu = usage, Transactions = PostgresActivity.Between(dbBefore, await postgres.TakeAsync()) };
    }
}

namespace MedMassage.Testing;

/// <summary>
/// One whole suite at a time on this machine: test projects run in parallel, and two suites (each with its servers,
/// six services and the gateway) on two cores make each other's timings fail. The first process to start a whole suite
/// holds this lock until it exits (the system releases it then); another waits for it.
/// </summary>
public static class WholeSuiteLock
{
    private static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medmassage-whole-suite.lock");
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static FileStream? _held;

    public static async Task HoldForThisProcessAsync(TimeSpan? patience = null)
    {
        await Gate.WaitAsync();
        try
        {
            var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(20));
            while (_held is null)
            {
                try
                {
                    _held = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}

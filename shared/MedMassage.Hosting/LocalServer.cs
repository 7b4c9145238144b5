namespace MedMassage.Hosting;

/// <summary>
/// A server started from the machine's own binaries as a child process on a free loopback port,
/// with its data under <see cref="DataDirectory"/>. Ready means it answers its own protocol, not just a port.
/// </summary>
public abstract class LocalServer(string name, string stateDirectory) : IAsyncDisposable
{
    public string Name { get; } = name;
    public int Port { get; } = FreePort.Next();
    public LogBuffer Log { get; } = new(name);
    public ChildProcess? Process { get; protected set; }
    protected string DataDirectory { get; } = Directory.CreateDirectory(Path.Combine(stateDirectory, name)).FullName;

    /// <summary>The value for <c>ConnectionStrings__{Name}</c>, as an Aspire AppHost would inject it.</summary>
    public abstract string ConnectionString { get; }

    public abstract Task StartAsync(CancellationToken ct);

    public virtual Task StopAsync() => Process?.StopAsync(TimeSpan.FromSeconds(10)) ?? Task.CompletedTask;

    protected async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (Process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with code {Process.ExitCode} while starting:{Environment.NewLine}{Log.Tail()}");
            }
            try
            {
                if (await isReady(deadline.Token))
                {
                    return;
                }
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds:0} s:{Environment.NewLine}{Log.Tail()}");
            }
        }
    }

    /// <summary>Runs <paramref name="command"/> as <paramref name="user"/> when we are root (servers refuse root), as ourselves otherwise.</summary>
    protected static (string File, IEnumerable<string> Args) AsUser(string user, string command, params string[] args) =>
        Signals.IsRoot
            ? ("setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", command, .. args])
            : (command, args);

    protected static async Task RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, TimeSpan? timeout = null)
    {
        await using var process = ChildProcess.Start(file, args, env);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):{Environment.NewLine}{process.Log.Tail()}");
        }
    }

    protected static Task ChownAsync(string user, string path) =>
        Signals.IsRoot ? RunAsync("chown", ["-R", $"{user}:{user}", path]) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }
}

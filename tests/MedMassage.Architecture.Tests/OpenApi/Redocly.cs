using System.Diagnostics;

namespace MedMassage.Architecture.Tests.OpenApi;

/// <summary>
/// Redocly CLI as docs/openapi pins it (package-lock.json), with the rules of docs/openapi/redocly.yaml. Its packages
/// are installed by docs/openapi/install.sh (scripts/setup.sh runs it; here once per test run, a no-op when present).
/// </summary>
internal static class Redocly
{
    private static readonly Lazy<Task> Installed = new(() => RunAsync("bash", [Path.Combine(Directory, "install.sh")], TimeSpan.FromMinutes(5))
        .ContinueWith(t => Assert.True(t.Result.ExitCode == 0, $"docs/openapi/install.sh failed:\n{t.Result.Output}"), TaskScheduler.Default));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string Directory => Path.Combine(RepositoryRoot, "docs", "openapi");

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> LintAsync(string document)
    {
        await Installed.Value;
        return await RunAsync(Path.Combine(Directory, "node_modules", ".bin", "redocly"),
            ["lint", document, "--config", Path.Combine(Directory, "redocly.yaml"), "--format", "stylish"]);
    }

    private static async Task<Result> RunAsync(string program, string[] arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No telemetry and no update check: the lint runs offline and says only what it found.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time");
        }
        return new Result(process.ExitCode, (await stdout) + (await stderr));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedMassage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("MedMassage.sln not found above the test binaries.");
    }
}

using System.Diagnostics;

namespace MedMassage.Tests.Shared;

/// <summary>The repository the tests run from, and the outside tools (node, npm) some tests drive.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public sealed record ToolResult(int ExitCode, string Output);

    /// <summary>Runs a tool to its end (killed with its children after <paramref name="timeout"/>); stdout and stderr together.</summary>
    public static async Task<ToolResult> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }
        return new ToolResult(process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
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

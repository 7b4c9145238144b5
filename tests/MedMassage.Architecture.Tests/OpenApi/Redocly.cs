using MedMassage.Tests.Shared;

namespace MedMassage.Architecture.Tests.OpenApi;

/// <summary>
/// Redocly CLI as docs/openapi pins it (package-lock.json), with the rules of docs/openapi/redocly.yaml. Its packages
/// are installed by docs/openapi/install.sh (scripts/setup.sh runs it; here once per test run, a no-op when present).
/// </summary>
internal static class Redocly
{
    // No telemetry and no update check: the lint runs offline and says only what it found.
    private static readonly Dictionary<string, string> Quiet = new() { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" };

    private static readonly Lazy<Task> Installed = new(() => Repository.RunAsync("bash", [Path.Combine(Directory, "install.sh")], Directory, Quiet, TimeSpan.FromMinutes(5))
        .ContinueWith(t => Assert.True(t.Result.ExitCode == 0, $"docs/openapi/install.sh failed:\n{t.Result.Output}"), TaskScheduler.Default));

    public static string RepositoryRoot => Repository.Root;

    private static string Directory => Path.Combine(RepositoryRoot, "docs", "openapi");

    public static async Task<Repository.ToolResult> LintAsync(string document)
    {
        await Installed.Value;
        return await Repository.RunAsync(Path.Combine(Directory, "node_modules", ".bin", "redocly"),
            ["lint", document, "--config", Path.Combine(Directory, "redocly.yaml"), "--format", "stylish"], Directory, Quiet, TimeSpan.FromMinutes(1));
    }
}

using MedMassage.Tests.Shared;
namespace MedMassage.Deployment.Tests.Manifests;

/// <summary>Runs deploy/check/check.mjs, installing its packages first when they are missing (once per test run).</summary>
internal static class ManifestChecker
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static string RepositoryRoot => Repository.Root;

    public static string ManifestDirectory => Path.Combine(RepositoryRoot, "deploy", "k8s");

    public sealed record Result(int ExitCode, string Output)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static async Task<Result> CheckAsync(string directory, params string[] options)
    {
        await EnsureInstalledAsync();
        return await RunAsync("node", [Path.Combine(RepositoryRoot, "deploy", "check", "check.mjs"), directory, .. options]);
    }

    /// <summary>A copy of deploy/k8s in a directory of its own, to break on purpose.</summary>
    public static string CopyOfManifests()
    {
        var target = Path.Combine(Path.GetTempPath(), $"medmassage-k8s-{Guid.NewGuid():N}");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(ManifestDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    private static async Task<Result> RunAsync(string program, string[] arguments, TimeSpan? timeout = null)
    {
        var run = await Repository.RunAsync(program, arguments, timeout: timeout);
        return new Result(run.ExitCode, run.Output);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }
            // install.sh does nothing when the packages are there already.
            var install = await RunAsync("bash", [Path.Combine(RepositoryRoot, "deploy", "check", "install.sh")], TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"deploy/check/install.sh failed:\n{install.Output}");
            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}

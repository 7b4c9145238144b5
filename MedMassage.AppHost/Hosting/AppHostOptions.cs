namespace MedMassage.AppHost.Hosting;

/// <summary>Command line and configuration of a run.</summary>
public sealed class AppHostOptions
{
    /// <summary>Where servers keep their data. Temporary (deleted on exit) unless given.</summary>
    public string StateDirectory { get; init; } = Path.Combine(Path.GetTempPath(), $"medmassage-{Guid.NewGuid():N}"[..20]);

    public bool KeepState { get; init; }
    public int GatewayPort { get; init; } = 8080;
    public int DashboardPort { get; init; } = 18888;
    public int OtlpPort { get; init; } = 18889;
    public string Configuration { get; init; } = "Debug";
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(180); // generous: a loaded 2-core machine is slow, not broken
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(5);
    public string RepositoryRoot { get; init; } = FindRepositoryRoot();

    public static AppHostOptions FromArgs(string[] args, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var stateDir = Arg("--state-dir") ?? configuration["AppHost:StateDirectory"];
        return new AppHostOptions
        {
            StateDirectory = stateDir is null ? new AppHostOptions().StateDirectory : Path.GetFullPath(stateDir),
            KeepState = stateDir is not null || args.Contains("--keep-state"),
            GatewayPort = int.Parse(Arg("--gateway-port") ?? configuration["AppHost:GatewayPort"] ?? "8080", System.Globalization.CultureInfo.InvariantCulture),
            DashboardPort = int.Parse(Arg("--dashboard-port") ?? configuration["AppHost:DashboardPort"] ?? "18888", System.Globalization.CultureInfo.InvariantCulture),
            OtlpPort = int.Parse(Arg("--otlp-port") ?? configuration["AppHost:OtlpPort"] ?? "18889", System.Globalization.CultureInfo.InvariantCulture),
#if DEBUG
            Configuration = "Debug",
#else
            Configuration = "Release",
#endif
        };
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
        return Directory.GetCurrentDirectory();
    }
}

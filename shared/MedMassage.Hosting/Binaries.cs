namespace MedMassage.Hosting;

/// <summary>Finds the Debian binaries the local servers run from, and says which package provides a missing one.</summary>
public static class Binaries
{
    public static string Require(string package, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (Path.IsPathRooted(candidate) ? File.Exists(candidate) : Which(candidate) is not null)
            {
                return Path.IsPathRooted(candidate) ? candidate : Which(candidate)!;
            }
        }
        throw new MissingServerException(package, candidates[0]);
    }

    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static string PostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var dir = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return dir ?? throw new MissingServerException("postgresql", "postgres");
    }
}

public sealed class MissingServerException(string package, string binary)
    : Exception($"'{binary}' was not found. Install it with: sudo apt-get install -y {package}")
{
    public string Package { get; } = package;
}

using System.Globalization;

namespace MedMassage.Testing;

/// <summary>Linux processes as /proc shows them: who started whom, and what is still alive.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Children(int pid) =>
        [.. All().Where(p => ParentOf(p) == pid)];

    public static IEnumerable<int> Descendants(int pid)
    {
        var children = Children(pid);
        return children.Concat(children.SelectMany(Descendants));
    }

    public static IEnumerable<int> All() =>
        Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0).Where(p => p > 0);

    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    public static bool IsAlive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static string Describe(int pid) => $"{pid} {CommandLine(pid)}";
}

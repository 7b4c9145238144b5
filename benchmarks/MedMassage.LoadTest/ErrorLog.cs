using System.Text.RegularExpressions;

namespace MedMassage.LoadTest;

/// <summary>
/// What the services logged at Error or worse, read from their console output, which DCP keeps per resource for the
/// run (<c>&lt;id&gt;_out</c> beside <c>resource-executable-&lt;id&gt;.log</c>, which names the resource): how many, by
/// service and logging category, most frequent first, and the latest in full.
/// </summary>
public static partial class ErrorLog
{
    public static string Summarize(string? consoleLogDirectory)
    {
        if (consoleLogDirectory is null || !Directory.Exists(consoleLogDirectory))
        {
            return "console logs not found";
        }
        var records = new List<(string Service, string Category, string Details, string At)>();
        foreach (var output in Directory.GetFiles(consoleLogDirectory, "*_out"))
        {
            var id = Path.GetFileName(output)[..^"_out".Length];
            var service = ResourceName(Path.Combine(consoleLogDirectory, $"resource-executable-{id}.log")) ?? id;
            var lines = File.ReadAllLines(output).Select(l => Ansi().Replace(l, "")).ToArray();
            for (var i = 0; i < lines.Length; i++)
            {
                if (Severe().Match(lines[i]) is { Success: true } severe)
                {
                    var details = string.Join(" ", lines.Skip(i + 1).Take(6).Select(l => Prefix().Replace(l, "")));
                    records.Add((service, severe.Groups["category"].Value, details, severe.Groups["at"].Value));
                }
            }
        }
        if (records.Count == 0)
        {
            return "none";
        }
        var bySource = records.GroupBy(r => $"{r.Service} {r.Category}{SqlState(r.Details)}")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count()}");
        var latest = records.MaxBy(r => r.At);
        return $"{records.Count}: {string.Join(", ", bySource)}; the latest: {Text(latest.Details)}";
    }

    private static string? ResourceName(string executableLog) =>
        File.Exists(executableLog) && ExecutableName().Match(File.ReadAllText(executableLog)) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Text(string details)
    {
        var text = Spaces().Replace(details, " ").Trim();
        return text.Length > 1500 ? text[..1500] + "…" : text;
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    // "12 2026-12-05T06:07:38.613Z fail: Category[id]", as DCP numbers and stamps each console line.
    [GeneratedRegex(@"^\d+ (?<at>\S+) (?:fail|crit): (?<category>[^\[\s]+)")]
    private static partial Regex Severe();

    [GeneratedRegex(@"^\d+ \S+ ")]
    private static partial Regex Prefix();

    // "Executable": "/scheduling-api-abcdefgh": the resource's name and DCP's suffix.
    [GeneratedRegex(@"""Executable"": ""/(.+)-[a-z0-9]+""")]
    private static partial Regex ExecutableName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The PostgreSQL error a record mentions, if any: what a database failure under load was.</summary>
    private static string SqlState(string details) => PostgresCode().Match(details) is { Success: true } code
        ? code.Value switch
        {
            "23P01" => " (23P01 exclusion violation)",
            "40P01" => " (40P01 deadlock)",
            "40001" => " (40001 serialization failure)",
            "53300" => " (53300 too many connections)",
            "57014" => " (57014 statement cancelled)",
            var other => $" ({other})",
        }
        : "";

    [GeneratedRegex(@"\b(?:23P01|40P01|40001|53300|57014|08\d{3}|23505)\b")]
    private static partial Regex PostgresCode();
}

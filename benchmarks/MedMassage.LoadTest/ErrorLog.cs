using System.Net;
using System.Text.RegularExpressions;

namespace MedMassage.LoadTest;

/// <summary>
/// What the services logged at Error or worse, read from the AppHost's dashboard (structured logs exported over
/// OTLP; its page lists the latest records only): how many, by service and logging category, most frequent first.
/// </summary>
public static partial class ErrorLog
{
    public static async Task<string> SummarizeAsync(string appHostOutput)
    {
        var login = LoginUrl().Match(appHostOutput);
        if (!login.Success)
        {
            return "dashboard address not found";
        }
        using var dashboard = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { Timeout = TimeSpan.FromSeconds(30) };
        var loginUrl = new Uri(login.Groups[1].Value);
        (await dashboard.GetAsync(loginUrl)).EnsureSuccessStatusCode();
        var page = await dashboard.GetStringAsync(new Uri(loginUrl, "/logs?level=Error"));
        var rows = ErrorRow().Matches(page);
        var bySource = rows.GroupBy(m => WebUtility.HtmlDecode($"{m.Groups["service"].Value} {m.Groups["category"].Value}{SqlState(m.Groups["details"].Value)}"))
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count()}");
        return rows.Count == 0 ? "none" : $"{rows.Count} of the latest records: {string.Join(", ", bySource)}; the latest: {Text(rows[0].Groups["details"].Value)}";
    }

    private static string Text(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > 1500 ? text[..1500] + "…" : text;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

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

    [GeneratedRegex(@"Login to the dashboard at (\S+)")]
    private static partial Regex LoginUrl();

    [GeneratedRegex(@"<tr class=""level-(?:error|critical)"">.*?<span class=""svc""[^>]*>(?<service>[^<]*)</span>.*?<td class=""muted"">(?<category>[^<]*)</td>(?<details>.*?)</details>", RegexOptions.Singleline)]
    private static partial Regex ErrorRow();
}

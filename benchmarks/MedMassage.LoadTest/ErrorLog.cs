using System.Net;
using System.Text.RegularExpressions;

namespace MedMassage.LoadTest;

/// <summary>
/// What the services logged at Error or worse during the run, read from the AppHost's dashboard (structured logs
/// exported over OTLP): how many records, and which exception types, most frequent first.
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
        var page = WebUtility.HtmlDecode(await dashboard.GetStringAsync(new Uri(loginUrl, "/logs?level=Error")));
        var records = ErrorRow().Count(page);
        var types = ExceptionType().Matches(page).GroupBy(m => m.Value).OrderByDescending(g => g.Count()).Take(6)
            .Select(g => $"{g.Key} × {g.Count()}");
        return $"{records} records at Error or worse" + (records > 0 ? $"; exception types mentioned: {string.Join(", ", types)}" : "");
    }

    [GeneratedRegex(@"Login to the dashboard at (\S+)")]
    private static partial Regex LoginUrl();

    [GeneratedRegex(@"<tr class=""level-(?:error|critical)"">")]
    private static partial Regex ErrorRow();

    [GeneratedRegex(@"\b(?:[A-Z]\w+\.)*[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionType();
}

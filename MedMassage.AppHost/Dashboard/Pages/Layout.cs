using static MedMassage.AppHost.Dashboard.Pages.Html;

namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>The frame every page shares: title, navigation, styles and the small script.</summary>
internal static class Layout
{
    private static readonly (string Href, string Label)[] Navigation =
    [
        ("/", "Resources"), ("/console", "Console"), ("/logs", "Structured logs"), ("/traces", "Traces"),
        ("/metrics", "Metrics"), ("/queues", "Queues"),
    ];

    public static string Page(string title, string active, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · MedMassage dashboard</title>
        <link rel="stylesheet" href="/assets/site.css">
        <script src="/assets/site.js" defer></script>
        </head>
        <body>
        <header>
          <a class="brand" href="/">MedMassage</a>
          <nav>{{Join(Navigation, n => $"<a href=\"{n.Href}\"{(n.Href == active ? " class=\"active\"" : "")}>{E(n.Label)}</a>")}}</nav>
        </header>
        <main>
        <h1>{{E(title)}}</h1>
        {{body}}
        </main>
        </body>
        </html>
        """;
}

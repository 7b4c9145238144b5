using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedMassage.Identity.Api.Apis;

/// <summary>The plain login page: one form, no script, every value HTML-encoded.</summary>
internal static class LoginPage
{
    public static ContentHttpResult Form(AntiforgeryTokenSet antiforgery, string returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var e = HtmlEncoder.Default;
        var message = error is null ? "" : $"""<p role="alert" class="error">{e.Encode(error)}</p>""";
        return Page("Sign in", $"""
            <h1>MedMassage staff sign-in</h1>
            {message}
            <form method="post" action="{AccountApi.LoginPath}">
              <input type="hidden" name="{e.Encode(antiforgery.FormFieldName)}" value="{e.Encode(antiforgery.RequestToken ?? "")}" />
              <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl)}" />
              <label>User name <input name="userName" autocomplete="username" required /></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
              <button type="submit">Sign in</button>
            </form>
            """, status);
    }

    public static ContentHttpResult SignedIn(string displayName) =>
        Page("Signed in", $"<h1>Signed in as {HtmlEncoder.Default.Encode(displayName)}</h1>", StatusCodes.Status200OK);

    internal static ContentHttpResult Page(string title, string body, int status) =>
        TypedResults.Content($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><title>{title} · MedMassage</title>
            <style>body{"{"}font-family:sans-serif;max-width:24rem;margin:4rem auto{"}"} label{"{"}display:block;margin:.5rem 0{"}"} .error{"{"}color:#a00{"}"}</style></head>
            <body>
            <main>
            {body}
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: status);
}

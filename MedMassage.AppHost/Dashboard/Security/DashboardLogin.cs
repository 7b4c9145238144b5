using System.Security.Cryptography;
using System.Text;
using MedMassage.AppHost.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MedMassage.AppHost.Dashboard.Security;

/// <summary>
/// The dashboard is protected as Aspire's is: a random token is printed on start; opening the printed
/// <c>/login?t=…</c> address (or pasting the token into the login form) sets a cookie for the browser.
/// </summary>
public sealed class DashboardLogin(string token)
{
    public const string CookieName = "medmassage-dashboard";

    public string Token => token;

    public static DashboardLogin CreateRandom() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public bool Accepts(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(token));

    /// <summary>Guards every request on <paramref name="dashboardPort"/>; the OTLP port is left to the exporters.</summary>
    public void UseOn(WebApplication app, int dashboardPort) => app.Use(async (context, next) =>
    {
        if (context.Connection.LocalPort != dashboardPort)
        {
            await next(context);
            return;
        }
        if (context.Request.Path == "/login")
        {
            await LoginAsync(context);
            return;
        }
        if (Accepts(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        context.Response.Redirect("/login");
    });

    private async Task LoginAsync(HttpContext context)
    {
        string? candidate = context.Request.Query["t"];
        if (candidate is null && context.Request.HasFormContentType)
        {
            candidate = (await context.Request.ReadFormAsync(context.RequestAborted))["t"];
        }
        if (Accepts(candidate))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict, // with the token in a cookie, other sites must not be able to post actions
                IsEssential = true,
                Path = "/",
            });
            context.Response.Redirect("/");
            return;
        }
        context.Response.StatusCode = candidate is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(LoginPage.Render(failed: candidate is not null), context.RequestAborted);
    }
}

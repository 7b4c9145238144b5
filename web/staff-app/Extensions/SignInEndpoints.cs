using MedMassage.StaffApp.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace MedMassage.StaffApp.Extensions;

internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // Pages send people here (with a full page load) when they need to sign in again.
        app.MapGet("/signin", (string? returnUrl, HttpContext http) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(http, returnUrl) }))
            .AllowAnonymous();

        // A form post with the antiforgery token: a link elsewhere cannot sign a person out.
        app.MapPost("/signout", async (HttpContext http, StaffTokenStore store) =>
        {
            if (http.User.FindFirst(StaffClaims.Session)?.Value is { } session)
            {
                await store.SignOutAsync(session);
            }
            // Ends the identity service's own session too, then comes back to the start page.
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).RequireAuthorization();
        return app;
    }

    /// <summary>Only paths of this app: anything else would turn sign-in into an open redirect.</summary>
    internal static string LocalPath(HttpContext http, string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\')
            && url.StartsWith(http.Request.PathBase + "/", StringComparison.Ordinal)
            ? url
            : http.Request.PathBase + "/";
}

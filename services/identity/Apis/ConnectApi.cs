using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Apis;

/// <summary>
/// The two OpenIddict endpoints that need a decision from us. OpenIddict has already validated the request
/// (client, secret or assertion, redirect URI, PKCE, scopes, grant permissions) before these run.
/// </summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/" + TokenServerExtensions.AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], Authorize)
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/" + TokenServerExtensions.TokenPath, Exchange)
            .AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/" + TokenServerExtensions.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSession)
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Authorize(
        HttpContext http, IdentityDbContext db, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(StaffSignInExtensions.CookieScheme);
        var staff = await FindActiveAsync(db, session.Principal?.FindFirst(TokenClaims.Subject)?.Value, http.RequestAborted);
        if (staff is null)
        {
            // Back to this same request once the login page has set the session.
            var query = http.Request.HasFormContentType ? QueryString.Create(http.Request.Form) : http.Request.QueryString;
            var properties = new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + query };
            return TypedResults.Challenge(properties, [StaffSignInExtensions.CookieScheme]);
        }

        return TypedResults.SignIn(principals.ForStaff(staff, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> Exchange(
        HttpContext http, IdentityDbContext db, IOpenIddictApplicationManager applications, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
            var name = application is null ? null : await applications.GetDisplayNameAsync(application, http.RequestAborted);
            return SignIn(principals.ForClient(request.ClientId!, name, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // Claims are rebuilt from the current record: a changed role or location applies at the next refresh.
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var staff = await FindActiveAsync(db, granted.Principal?.GetClaim(Claims.Subject), http.RequestAborted);
            return staff is null
                ? Refuse(Errors.InvalidGrant, "The staff member can no longer sign in.")
                : SignIn(principals.ForStaff(staff, granted.Principal!.GetScopes()));
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>
    /// Signing out of the staff app ends the login page's session here too, then OpenIddict sends the browser back to
    /// the app's registered post-logout address (a request naming any other address was refused before this runs).
    /// </summary>
    private static async Task<SignOutHttpResult> EndSession(HttpContext http, IOpenIddictTokenManager tokens)
    {
        // Signing out ends every refresh token the person holds, so a copied one cannot keep a session alive.
        var session = await http.AuthenticateAsync(StaffSignInExtensions.CookieScheme);
        if (session.Principal?.FindFirst(TokenClaims.Subject)?.Value is { } subject)
        {
            await tokens.RevokeBySubjectAsync(subject, http.RequestAborted);
        }
        await http.SignOutAsync(StaffSignInExtensions.CookieScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<StaffMember?> FindActiveAsync(IdentityDbContext db, string? subject, CancellationToken ct) =>
        Guid.TryParse(subject, out var id) && await db.StaffMembers.FindAsync([id], ct) is { Active: true } staff ? staff : null;

    private static SignInHttpResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

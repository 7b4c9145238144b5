using System.Security.Claims;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Infrastructure;
using MedMassage.Identity.Api.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Identity.Api.Apis;

public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

/// <summary>The staff login page. A successful sign-in sets the session cookie and returns to /connect/authorize.</summary>
public static class AccountApi
{
    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", ShowLogin);
        account.MapPost("/login", SignIn);
        account.MapPost("/logout", (Delegate)SignOut);
        return app;
    }

    private static ContentHttpResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        LoginPage.Form(antiforgery.GetAndStoreTokens(http), LocalOrEmpty(returnUrl), error: null);

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignIn(
        [FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery, IdentityDbContext db, IPasswordHasher<StaffMember> hasher)
    {
        var returnUrl = LocalOrEmpty(form.ReturnUrl);
        var userName = StaffMember.NormalizeUserName(form.UserName ?? "");
        var staff = userName.Length == 0 ? null : await db.StaffMembers.SingleOrDefaultAsync(s => s.UserName == userName && s.Active, http.RequestAborted);

        // Unknown users cost a hash verification too, so response times do not reveal which user names exist.
        // An invited person who has not set a password yet is answered like an unknown user.
        var hash = staff is { HasPassword: true } ? staff.PasswordHash : UnknownUserHash.Value;
        var verified = hasher.VerifyHashedPassword(staff!, hash, form.Password ?? "") != PasswordVerificationResult.Failed;
        if (staff is not { HasPassword: true } || !verified)
        {
            return LoginPage.Form(antiforgery.GetAndStoreTokens(http), returnUrl, "Unknown user name or wrong password.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(StaffSignInExtensions.CookieScheme, TokenClaims.Name, TokenClaims.Role);
        identity.AddClaim(new Claim(TokenClaims.Subject, staff.Id.ToString()));
        identity.AddClaim(new Claim(TokenClaims.Name, staff.DisplayName));
        await http.SignInAsync(StaffSignInExtensions.CookieScheme, new ClaimsPrincipal(identity));

        return returnUrl.Length > 0 ? TypedResults.LocalRedirect(returnUrl) : LoginPage.SignedIn(staff.DisplayName);
    }

    private static async Task<RedirectHttpResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(StaffSignInExtensions.CookieScheme);
        return TypedResults.LocalRedirect(LoginPath);
    }

    /// <summary>Only paths on this server: a return URL pointing elsewhere would make the page an open redirect.</summary>
    internal static string LocalOrEmpty(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "";

    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<StaffMember>().HashPassword(null!, Guid.NewGuid().ToString()));
}

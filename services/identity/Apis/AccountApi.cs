using System.Security.Claims;
using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Infrastructure;
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
        account.MapGet("/login", ShowLogin)
            .WithSummary("The sign-in page");
        account.MapPost("/login", SignIn)
            .WithSummary("Sign in with user name and password (locks after repeated failures)");
        account.MapPost("/logout", (Delegate)SignOut)
            .WithSummary("Sign out of the identity service");
        return app;
    }

    private static ContentHttpResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        LoginPage.Form(antiforgery.GetAndStoreTokens(http), LocalOrEmpty(returnUrl), error: null);

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignIn(
        [FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery, IdentityDbContext db, IPasswordHasher<StaffMember> hasher, TimeProvider time)
    {
        var returnUrl = LocalOrEmpty(form.ReturnUrl);
        var userName = StaffMember.NormalizeUserName(form.UserName ?? "");
        var now = time.GetUtcNow();
        var attempts = userName.Length == 0 ? null
            : await db.SignInAttempts.FindAsync([userName], http.RequestAborted) ?? db.SignInAttempts.Add(new SignInAttempts(userName)).Entity;
        if (attempts?.IsLocked(now) == true)
        {
            // The same answer for every name, known or not; the password is not even checked.
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling((attempts.LockedUntil!.Value - now).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LoginPage.Form(antiforgery.GetAndStoreTokens(http), returnUrl,
                $"Too many failed sign-ins for this user name. Try again after {attempts.LockedUntil:HH:mm} UTC.", StatusCodes.Status429TooManyRequests);
        }
        var staff = userName.Length == 0 ? null : await db.StaffMembers.SingleOrDefaultAsync(s => s.UserName == userName && s.Active, http.RequestAborted);

        // Unknown users cost a hash verification too, so response times do not reveal which user names exist.
        // An invited person who has not set a password yet is answered like an unknown user.
        var hash = staff is { HasPassword: true } ? staff.PasswordHash : UnknownUserHash.Value;
        var verified = hasher.VerifyHashedPassword(staff!, hash, form.Password ?? "") != PasswordVerificationResult.Failed;
        if (staff is not { HasPassword: true } || !verified)
        {
            await RecordFailureAsync(db, attempts, now, http.RequestAborted);
            return LoginPage.Form(antiforgery.GetAndStoreTokens(http), returnUrl, "Unknown user name or wrong password.", StatusCodes.Status401Unauthorized);
        }

        db.SignInAttempts.Remove(attempts!);
        await db.SaveChangesAsync(http.RequestAborted);
        var identity = new ClaimsIdentity(StaffSignInExtensions.CookieScheme, TokenClaims.Name, TokenClaims.Role);
        identity.AddClaim(new Claim(TokenClaims.Subject, staff.Id.ToString()));
        identity.AddClaim(new Claim(TokenClaims.Name, staff.DisplayName));
        await http.SignInAsync(StaffSignInExtensions.CookieScheme, new ClaimsPrincipal(identity));

        return returnUrl.Length > 0 ? TypedResults.LocalRedirect(returnUrl) : LoginPage.SignedIn(staff.DisplayName);
    }

    // Two first failures for one name may race to insert its row: the loser counts its failure on the winner's row.
    private static async Task RecordFailureAsync(IdentityDbContext db, SignInAttempts? attempts, DateTimeOffset now, CancellationToken ct)
    {
        if (attempts is null)
        {
            return;
        }
        attempts.Failed(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.SignInAttempts.FindAsync([attempts.UserName], ct) is { } stored)
            {
                stored.Failed(now);
                await db.SaveChangesAsync(ct);
            }
        }
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

using System.Text.Encodings.Web;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Identity.Api.Apis;

public sealed record PasswordForm(string? Password, string? Confirm);

/// <summary>The page an invitation link opens: the invited person sets their password once, then signs in as usual.</summary>
public static class InvitationPage
{
    public const int MinimumPasswordLength = 12;

    public static IEndpointRouteBuilder MapInvitationPage(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/account/invitation/{token}").AllowAnonymous().ExcludeFromDescription();
        page.MapGet("/", ShowAsync)
            .WithSummary("The page where an invited person sets a password");
        page.MapPost("/", SetPasswordAsync)
            .WithSummary("Set the password of an invitation");
        return app;
    }

    private static async Task<ContentHttpResult> ShowAsync(string token, HttpContext http, IAntiforgery antiforgery, IdentityDbContext db, TimeProvider time) =>
        await FindAsync(token, db, time, http.RequestAborted) is { } found
            ? Form(antiforgery.GetAndStoreTokens(http), found.Member, error: null)
            : Gone();

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SetPasswordAsync(
        string token, [FromForm] PasswordForm form, HttpContext http, IAntiforgery antiforgery, IdentityDbContext db, TimeProvider time,
        IPasswordHasher<StaffMember> hasher)
    {
        if (await FindAsync(token, db, time, http.RequestAborted) is not { } found)
        {
            return Gone();
        }
        var password = form.Password ?? "";
        var error = password.Length < MinimumPasswordLength ? $"The password needs {MinimumPasswordLength} characters at least."
            : password != form.Confirm ? "The two passwords differ."
            : null;
        if (error is not null)
        {
            return Form(antiforgery.GetAndStoreTokens(http), found.Member, error, StatusCodes.Status400BadRequest);
        }
        found.Member.SetPasswordHash(hasher.HashPassword(found.Member, password));
        found.Invitation.Use(time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.LocalRedirect(AccountApi.LoginPath + "?passwordSet=1");
    }

    private static async Task<(StaffInvitation Invitation, StaffMember Member)?> FindAsync(string token, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var hash = StaffInvitation.Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || !invitation.IsUsable(time.GetUtcNow()))
        {
            return null;
        }
        var member = await db.StaffMembers.FindAsync([invitation.StaffId], ct);
        return member is { Active: true } ? (invitation, member) : null;
    }

    private static ContentHttpResult Form(AntiforgeryTokenSet antiforgery, StaffMember member, string? error, int status = StatusCodes.Status200OK)
    {
        var e = HtmlEncoder.Default;
        var message = error is null ? "" : $"""<p role="alert" class="error">{e.Encode(error)}</p>""";
        return LoginPage.Page("Set your password", $"""
            <h1>Welcome, {e.Encode(member.DisplayName)}</h1>
            <p>Your user name is <strong>{e.Encode(member.UserName)}</strong>. Choose a password of {MinimumPasswordLength} characters at least.</p>
            {message}
            <form method="post">
              <input type="hidden" name="{e.Encode(antiforgery.FormFieldName)}" value="{e.Encode(antiforgery.RequestToken ?? "")}" />
              <label>New password <input name="password" type="password" autocomplete="new-password" minlength="{MinimumPasswordLength}" required /></label>
              <label>Repeat the password <input name="confirm" type="password" autocomplete="new-password" required /></label>
              <button type="submit">Set password</button>
            </form>
            """, status);
    }

    private static ContentHttpResult Gone() => LoginPage.Page("Invitation", """
        <h1>This invitation cannot be used</h1>
        <p role="alert" class="error">It was used already, has expired, or was replaced by a newer one. Ask your clinic admin for a new invitation.</p>
        """, StatusCodes.Status410Gone);
}

using MedMassage.Identity.Api.Apis.Contracts;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Infrastructure;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace MedMassage.Identity.Api.Apis;

/// <summary>
/// Clinic admins let their people in: invite (a one-time link to set a password), change role and locations,
/// deactivate. Only people of the admin's own locations, only the clinic's roles (<see cref="StaffAdministration"/>).
/// </summary>
public static class StaffAccountsApi
{
    public static IEndpointRouteBuilder MapStaffAccountsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/identity/staff").WithTag("Staff accounts", "The clinic's people: invited by a clinic admin with a role and locations, they set their own password from a one-time link.").RequireAuthorization(AdministrationExtensions.ClinicAdmin);
        staff.MapGet("/", ListAsync).WithName("ListStaff").WithSummary("Staff of the admin's locations")
            .WithDescription("Everyone who works at one of the caller's locations (or at `locationId`), with role, locations and whether they are active and have set a password.");
        staff.MapPost("/", InviteAsync).WithName("InviteStaffMember").WithRequestExample(StaffExamples.Invite).WithSummary("Invite a staff member")
            .WithDescription("Creates the account (roles: front-desk, therapist, clinic-admin, manager; locations among the caller's) and returns a one-time link, valid 7 days, where the person sets their password.");
        staff.MapPut("/{id:guid}", ChangeAsync).WithName("UpdateStaffMember").WithRequestExample(StaffExamples.Change).WithSummary("Change a staff member's role, locations or name")
            .WithDescription("Takes effect at their next token refresh (minutes).");
        staff.MapPost("/{id:guid}/deactivate", (Guid id, HttpContext http, IdentityDbContext db, IOpenIddictTokenManager tokens, CancellationToken ct) =>
                SetActiveAsync(id, false, http, db, tokens, ct)).WithName("DeactivateStaffMember")
            .WithSummary("Deactivate a staff member").WithDescription("They can no longer sign in or refresh; their refresh tokens are revoked.");
        staff.MapPost("/{id:guid}/activate", (Guid id, HttpContext http, IdentityDbContext db, IOpenIddictTokenManager tokens, CancellationToken ct) =>
                SetActiveAsync(id, true, http, db, tokens, ct)).WithName("ActivateStaffMember")
            .WithSummary("Activate a staff member again").WithDescription("They can sign in again with their password.");
        staff.MapPost("/{id:guid}/invitation", ReinviteAsync).WithName("ReissueInvitation").WithSummary("A new invitation link")
            .WithDescription("Replaces any earlier link of the person; for someone who lost theirs or must set a new password.");
        return app;
    }

    public static async Task<Ok<List<StaffAccountView>>> ListAsync(Guid? locationId, HttpContext http, IdentityDbContext db, CancellationToken ct)
    {
        var admin = http.User.Administration();
        var all = await db.StaffMembers.AsNoTracking().OrderBy(s => s.DisplayName).ToListAsync(ct);
        return TypedResults.Ok(all.Where(admin.Manages).Where(s => locationId is null || s.Locations.Contains(locationId.Value))
            .Select(StaffAccountView.From).ToList());
    }

    public static async Task<Results<Created<InvitationView>, ValidationProblem, Conflict<ProblemDetails>>> InviteAsync(
        InviteStaffRequest request, HttpContext http, IdentityDbContext db, Invitations invitations, CancellationToken ct)
    {
        var locations = request.Locations ?? [];
        var refusal = http.User.Administration().RefusalToGrant(request.Role ?? "", locations);
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 100)
        {
            refusal ??= "userName: 1 to 100 characters.";
        }

        if (refusal is not null)
        {
            return Invalid(refusal);
        }

        var userName = StaffMember.NormalizeUserName(request.UserName!);
        if (await db.StaffMembers.AnyAsync(s => s.UserName == userName, ct))
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "The user name is taken", Detail = $"'{userName}' already has an account." });
        }
        var member = StaffMember.Invite(userName, request.DisplayName ?? "", request.Role!, locations, request.Npi);
        db.StaffMembers.Add(member);
        var view = await invitations.IssueAsync(member, http, ct);
        return TypedResults.Created($"/api/identity/staff/{member.Id}", view);
    }

    public static async Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, ChangeStaffRequest request, HttpContext http, IdentityDbContext db, CancellationToken ct)
    {
        var admin = http.User.Administration();
        if (await db.StaffMembers.FindAsync([id], ct) is not { } member || !admin.Manages(member))
        {
            return TypedResults.NotFound();
        }

        if (admin.RefusalToGrant(request.Role ?? "", request.Locations ?? []) is { } refusal)
        {
            return Invalid(refusal);
        }

        member.Change(request.DisplayName ?? member.DisplayName, request.Role!, request.Locations!, request.Npi);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(StaffAccountView.From(member));
    }

    private static async Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem>> SetActiveAsync(
        Guid id, bool active, HttpContext http, IdentityDbContext db, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        var admin = http.User.Administration();
        if (await db.StaffMembers.FindAsync([id], ct) is not { } member || !admin.Manages(member))
        {
            return TypedResults.NotFound();
        }

        if (!active && admin.RefusalToDeactivate(member) is { } refusal)
        {
            return Invalid($"id: {refusal}");
        }

        if (active)
        {
            member.Activate();
        }
        else
        {
            member.Deactivate();
        }

        await db.SaveChangesAsync(ct);
        if (!active)
        {
            await tokens.RevokeBySubjectAsync(member.Id.ToString(), ct);
        }
        return TypedResults.Ok(StaffAccountView.From(member));
    }

    public static async Task<Results<Ok<InvitationView>, NotFound>> ReinviteAsync(
        Guid id, HttpContext http, IdentityDbContext db, Invitations invitations, CancellationToken ct)
    {
        if (await db.StaffMembers.FindAsync([id], ct) is not { } member || !http.User.Administration().Manages(member))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await invitations.IssueAsync(member, http, ct));
    }

    private static ValidationProblem Invalid(string refusal)
    {
        var (field, message) = refusal.Split(": ", 2) is [var f, var m] ? (f, m) : ("request", refusal);
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
    }
}

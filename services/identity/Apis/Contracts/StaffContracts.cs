using System.ComponentModel.DataAnnotations;
using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Domain;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.Identity.Api.Apis.Contracts;

public sealed record InviteStaffRequest([Required] string? UserName, string? DisplayName, [Required][OneOf(typeof(StaffAdministration), nameof(StaffAdministration.GrantableRoles))] string? Role,
    [Required] IReadOnlyList<Guid>? Locations, string? Npi);

public sealed record ChangeStaffRequest(string? DisplayName, [Required][OneOf(typeof(StaffAdministration), nameof(StaffAdministration.GrantableRoles))] string? Role, [Required] IReadOnlyList<Guid>? Locations, string? Npi);

public sealed record StaffAccountView(Guid Id, string UserName, string DisplayName, [OneOf(typeof(Roles), nameof(Roles.Staff))] string Role, IReadOnlyList<Guid> Locations, string? Npi,
    bool Active, bool HasPassword)
{
    public static StaffAccountView From(StaffMember m) => new(m.Id, m.UserName, m.DisplayName, m.Role, m.Locations, m.Npi, m.Active, m.HasPassword);
}

/// <summary>The account and the link to hand to the person (shown once: only its hash is kept).</summary>
public sealed record InvitationView(StaffAccountView Account, Uri InvitationUrl, DateTimeOffset InvitationExpiresAt);

public sealed record RegisterClientRequest([Required] string? ClientId, string? DisplayName, [Required] System.Text.Json.JsonElement? Jwks,
    [Required][OneOf(typeof(ScopeCatalogue), nameof(ScopeCatalogue.System))] IReadOnlyList<string>? Scopes);

public sealed record IntegrationClientView(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, string Authentication, bool RegisteredHere);

/// <summary>The request bodies the API description shows: what a clinic admin sends.</summary>
internal static class StaffExamples
{
    public static readonly InviteStaffRequest Invite = new(
        "anna.becker", "Anna Becker, LMT", "therapist", [new Guid("0195e8d4-2a61-7b3c-9d0e-1f2a3b4c5d6e")], Npi: null);

    public static readonly ChangeStaffRequest Change = new(
        "Anna Becker, LMT", "clinic-admin", [new Guid("0195e8d4-2a61-7b3c-9d0e-1f2a3b4c5d6e"), new Guid("0195e8d6-4c83-7d5e-8f20-3b4c5d6e7f80")], Npi: null);
}

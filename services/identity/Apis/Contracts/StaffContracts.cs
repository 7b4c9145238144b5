using MedMassage.Identity.Api.Domain;

namespace MedMassage.Identity.Api.Apis.Contracts;

public sealed record InviteStaffRequest(string? UserName, string? DisplayName, string? Role, IReadOnlyList<Guid>? Locations, string? Npi);

public sealed record ChangeStaffRequest(string? DisplayName, string? Role, IReadOnlyList<Guid>? Locations, string? Npi);

public sealed record StaffAccountView(Guid Id, string UserName, string DisplayName, string Role, IReadOnlyList<Guid> Locations, string? Npi,
    bool Active, bool HasPassword)
{
    public static StaffAccountView From(StaffMember m) => new(m.Id, m.UserName, m.DisplayName, m.Role, m.Locations, m.Npi, m.Active, m.HasPassword);
}

/// <summary>The account and the link to hand to the person (shown once: only its hash is kept).</summary>
public sealed record InvitationView(StaffAccountView Account, Uri InvitationUrl, DateTimeOffset InvitationExpiresAt);

public sealed record RegisterClientRequest(string? ClientId, string? DisplayName, System.Text.Json.JsonElement? Jwks, IReadOnlyList<string>? Scopes);

public sealed record IntegrationClientView(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, string Authentication, bool RegisteredHere);

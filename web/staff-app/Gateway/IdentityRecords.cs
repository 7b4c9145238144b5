using System.Text.Json;

namespace MedMassage.StaffApp.Gateway;

// The identity service's administration answers (services/identity/README.md).

public sealed record StaffAccount(Guid Id, string UserName, string DisplayName, string Role, IReadOnlyList<Guid> Locations, string? Npi,
    bool Active, bool HasPassword);

public sealed record InviteStaffRequest(string UserName, string DisplayName, string Role, IReadOnlyList<Guid> Locations, string? Npi);

public sealed record ChangeStaffRequest(string DisplayName, string Role, IReadOnlyList<Guid> Locations, string? Npi);

public sealed record Invitation(StaffAccount Account, Uri InvitationUrl, DateTimeOffset InvitationExpiresAt);

public sealed record IntegrationClient(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, string Authentication, bool RegisteredHere);

public sealed record RegisterClientRequest(string ClientId, string DisplayName, JsonElement Jwks, IReadOnlyList<string> Scopes);

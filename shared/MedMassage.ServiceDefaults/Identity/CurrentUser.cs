using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MedMassage.ServiceDefaults.Identity;

/// <summary>
/// Who is acting: for authorization of single records (their locations, their own referrals) and for audit
/// trails. Read from the validated access token only, never from request headers.
/// </summary>
public interface ICurrentUser
{
    string Id { get; }
    string Name { get; }
    string? Role { get; }
    string? ClientId { get; }
    IReadOnlyList<Guid> Locations { get; }
    string? ClientAddress { get; }

    /// <summary>The referring physician's NPI (claim <c>npi</c>), for "their own referrals".</summary>
    string? Npi { get; }

    bool IsInRole(string role);

    bool HasScope(string scope);

    /// <summary>Whether records of this location are visible to the caller (staff see their locations only).</summary>
    bool WorksAt(Guid locationId);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Id => Claim("sub") ?? Claim(ClaimTypes.NameIdentifier) ?? "anonymous";
    public string Name => Claim("name") ?? Claim(ClaimTypes.Name) ?? Id;
    public string? Role => Claim("role") ?? Claim(ClaimTypes.Role);
    public string? ClientId => Claim("client_id") ?? Claim("azp");
    public string? Npi => Claim("npi");
    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public IReadOnlyList<Guid> Locations =>
        [.. (User?.FindAll("location") ?? []).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

    public bool IsInRole(string role) => User?.IsInRole(role) ?? false;

    public bool HasScope(string scope) => User?.HasScope(scope) ?? false;

    public bool WorksAt(Guid locationId) => Locations.Contains(locationId);

    private string? Claim(string type) => User?.FindFirst(type)?.Value;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MedMassage.ServiceDefaults.Identity;

/// <summary>
/// Who is acting, for audit trails and history ("who changed what"). Read from the authenticated principal;
/// until a caller is authenticated it is "anonymous" with no role.
/// </summary>
public interface ICurrentUser
{
    string Id { get; }
    string Name { get; }
    string? Role { get; }
    string? ClientId { get; }
    IReadOnlyList<Guid> Locations { get; }
    string? ClientAddress { get; }
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Id => Claim("sub") ?? Claim(ClaimTypes.NameIdentifier) ?? "anonymous";
    public string Name => Claim("name") ?? Claim(ClaimTypes.Name) ?? Id;
    public string? Role => Claim("role") ?? Claim(ClaimTypes.Role);
    public string? ClientId => Claim("client_id") ?? Claim("azp");
    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public IReadOnlyList<Guid> Locations =>
        [.. (User?.FindAll("location") ?? []).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

    private string? Claim(string type) => User?.FindFirst(type)?.Value;
}

using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace MedMassage.ServiceDefaults.Audit;

/// <summary>Who accessed a record, as the validated token (or the physician's e-mail link) names them, and from where.</summary>
public sealed record AuditActor(string UserId, string UserName, string? Role, string? ClientId, string? ClientAddress)
{
    public static AuditActor Of(ICurrentUser user) => new(user.Id, user.Name, user.Role, user.ClientId, user.ClientAddress);

    /// <summary>A physician acting through an e-mail link: recorded under their NPI, with the link as the client.</summary>
    public static AuditActor ByLink(PhysicianLink link, string? clientAddress) =>
        new($"physician:{link.PhysicianNpi}", link.PhysicianName, Roles.ReferringPhysician, $"physician-link:{link.Id}", clientAddress);
}

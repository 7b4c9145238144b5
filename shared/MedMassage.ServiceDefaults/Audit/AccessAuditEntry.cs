namespace MedMassage.ServiceDefaults.Audit;

/// <summary>
/// One access to patient data through the API: who (user, role, client application and address), when, and what they
/// did. Each service's entry adds which record. Rows are only ever inserted; each audit table's trigger refuses
/// changes and deletions, whoever connects.
/// </summary>
public abstract class AccessAuditEntry
{
    protected AccessAuditEntry()
    {
    }

    protected AccessAuditEntry(DateTimeOffset at, AuditActor actor, string action)
    {
        At = at;
        (UserId, UserName, Role, ClientId, ClientAddress) = (actor.UserId, actor.UserName, actor.Role, actor.ClientId, actor.ClientAddress);
        Action = action;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string? Role { get; private set; }

    /// <summary>The OAuth client the token was issued to: the staff web app, a hospital system, a physician's link.</summary>
    public string? ClientId { get; private set; }
    public string? ClientAddress { get; private set; }
    public string Action { get; private set; } = "";
}

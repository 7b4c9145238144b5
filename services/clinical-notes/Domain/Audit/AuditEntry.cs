namespace MedMassage.ClinicalNotes.Api.Domain.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Sign = "sign";
    public const string Addendum = "addendum";
    public const string Activate = "activate";
    public const string Certify = "certify";
    public const string Revise = "revise";
    public const string Issue = "issue";
}

/// <summary>
/// One access to a clinical record: who (user, role, the application they used), when, from where, which record and
/// what they did. Rows are only ever inserted; the database rejects changes and deletions.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string? Role { get; private set; }

    /// <summary>The OAuth client the token was issued to: the staff web app, a hospital system.</summary>
    public string? ClientId { get; private set; }
    public string? ClientAddress { get; private set; }
    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid? ReferralId { get; private set; }
    public string Action { get; private set; } = "";

    /// <summary>Why a clinic admin acted for the treating therapist; null for everyone acting on their own behalf.</summary>
    public string? Reason { get; private set; }

    public static AuditEntry Of(DateTimeOffset at, string userId, string userName, string? role, string? clientId, string? clientAddress,
        string recordType, Guid recordId, Guid? referralId, string action, string? reason = null) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        Role = role,
        ClientId = clientId,
        ClientAddress = clientAddress,
        RecordType = recordType,
        RecordId = recordId,
        ReferralId = referralId,
        Action = action,
        Reason = reason,
    };
}
